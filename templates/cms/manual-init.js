// Decap CMS starts itself as soon as its script runs; ecoredress-cms.js first registers the case file format.
window.CMS_MANUAL_INIT = true;
