#!/usr/bin/env emilua
-- The '#!' line is skipped but still counts: this error is on line 3.
error('on line 3')
