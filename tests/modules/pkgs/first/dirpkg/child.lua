name = 'dirpkg child'
