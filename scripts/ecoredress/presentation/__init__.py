"""How a case is shown to a reader, shared by the documents, the registers and the portal: masked for the public
(``masking``), dates and amounts written out in Chinese (``formatting``), text escaped for Markdown (``markdown``)."""
