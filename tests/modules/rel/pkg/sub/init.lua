-- A directory module's '../x' names a sibling of its directory.
helper_name = require('../helper').name
