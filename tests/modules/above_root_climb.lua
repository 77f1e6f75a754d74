-- rel/pkg/climb.lua may not climb above the project root (this directory).
require './rel/pkg/climb'
print('done')
