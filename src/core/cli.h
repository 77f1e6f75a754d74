#ifndef EMILUA_CLI_H
#define EMILUA_CLI_H

#include "core.h"

/* Parses the command line into p.  Returns -1 to go on, or the exit code
 * to leave with (after --help, --version or a usage error). */
int cli_parse(emilua_process *p, int argc, char **argv);

/* Reads EMILUA_PATH and EMILUA_COLORS. */
void cli_read_environment(emilua_process *p);

#endif
