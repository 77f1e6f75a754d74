#!/usr/bin/env emilua
print('run through its #! line')
