require './err/boom'
print('not reached')
