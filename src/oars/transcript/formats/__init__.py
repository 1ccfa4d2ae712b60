"""One parser per transcript format, each turning decoded text into transcripts.

The parsers see text, never files: :mod:`oars.transcript.readers` does the file handling, size limit and
UTF-8 decoding once for all of them.
"""
