name = 'fix/app/helper'
