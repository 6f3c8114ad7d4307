"""Structure: where the title, standfirst, byline, dateline, body and page
chrome of an article are, and what the metadata says."""
