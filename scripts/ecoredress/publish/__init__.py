"""The public disclosure portal (第三十三条): masking, the published projection, open data and the static site.

Everything public goes through ``projection.publish_case``, which goes through ``masking``.
"""
