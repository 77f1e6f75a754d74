origin = 'first (dir/init.lua)'
child = require('./child').name
