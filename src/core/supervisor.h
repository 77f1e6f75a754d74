#ifndef EMILUA_SUPERVISOR_H
#define EMILUA_SUPERVISOR_H

#include <sys/types.h>

/* Forks the supervisor; returns the runtime's end of its socket (and the
 * supervisor's pid in *child when not NULL), or -1. */
int supervisor_start(pid_t *child);

#endif
