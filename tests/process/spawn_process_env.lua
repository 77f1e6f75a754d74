-- working_directory (a path or a file_descriptor), umask, and the
-- scheduler, process group and session options.
local system = require 'system'
local filesystem = require 'filesystem'
local h = require './helpers'

print(h.sh('pwd', {working_directory = filesystem.path.new('/usr')}))
local fd = filesystem.open(filesystem.path.new('/usr/bin'), {'directory',
                                                            'read_only'})
print(h.sh('pwd', {working_directory = fd}))
print(h.sh('umask', {umask = 23}))
print(h.sh('umask', {umask = 0}))
print(h.try(h.sh, 'pwd', {working_directory = filesystem.path.new('/none')}))

-- a new session: the child leads it and its own process group
print(h.sh('ps -o sid= -o pgid= -p $$ | awk \'{print ($1 == $2 && $1 == ' ..
           '\'"$$"\') ? "leader" : "not leader"}\'',
           {start_new_session = true}))
-- process_group = 0: a group of its own; otherwise it joins ours
print(h.sh('[ "$(ps -o pgid= -p $$)" -eq $$ ] && echo own group',
           {process_group = 0}))
print(h.sh('[ "$(ps -o pgid= -p $$)" -eq ' .. system.getpgrp() ..
           ' ] && echo our group'))

print(h.sh('chrt -p $$ | head -1 | sed "s/.*: //"',
           {scheduler = {policy = 'batch'}}))
print(h.sh('chrt -p $$ | head -1 | sed "s/.*: //"',
           {scheduler = {policy = 'idle', reset_on_fork = true}}))
print(h.sh('chrt -p $$ | sed "s/.*: //"',
           {scheduler = {policy = 'fifo', priority = 3}}))
