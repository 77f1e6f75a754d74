#ifndef EMILUA_SUPERVISOR_H
#define EMILUA_SUPERVISOR_H

#include <sys/types.h>

#include "core.h"

/* Forks the supervisor; returns the runtime's end of its socket (and the
 * supervisor's pid in *child when not NULL), or -1. */
int supervisor_start(pid_t *child);

/* The runtime's end of the supervisor's socket, which main() forked at
 * start-up; forks it now if that failed (-1 when it fails again). */
int supervisor_socket(emilua_process *p);

#endif
