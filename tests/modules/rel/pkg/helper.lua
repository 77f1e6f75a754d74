name = 'rel/pkg/helper'
