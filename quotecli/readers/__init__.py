"""Readers: raw transcript forms (press interviews, subtitles, debates…) into quote transcripts.

Each reader owns one raw form and returns the project's transcript text; none of them writes
files or reads the library.
"""
