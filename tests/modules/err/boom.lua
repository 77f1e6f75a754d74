print('boom: evaluating')
error('boom at top level')
