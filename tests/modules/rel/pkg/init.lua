-- A directory module: './x' are files in rel/pkg/.
print('loading rel/pkg (directory module)')
part_name = require('./part').name
