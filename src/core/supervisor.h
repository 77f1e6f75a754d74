#ifndef EMILUA_SUPERVISOR_H
#define EMILUA_SUPERVISOR_H

/* Forks the supervisor; returns the runtime's end of its socket or -1. */
int supervisor_start(void);

#endif
