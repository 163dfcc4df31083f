"""ReportLab renderers: plain data in, PDF bytes out. No ORM, no Qt. (The documents issue
fills this package.)"""
