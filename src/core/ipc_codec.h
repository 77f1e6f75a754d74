/* The wire format of messages between processes (subprocess actors):
 * one fixed-size, zero-filled structure per sendmsg(), fds in SCM_RIGHTS
 * in member order.  Pure C: no Lua, so it can be fuzzed and unit-tested
 * alone. */
#ifndef EMILUA_IPC_CODEC_H
#define EMILUA_IPC_CODEC_H

#include <stddef.h>
#include <stdint.h>

#ifndef EMILUA_IPC_MAX_MEMBERS
#define EMILUA_IPC_MAX_MEMBERS 20
#endif

#define IPC_STR_MAX 255

enum ipc_kind { IPC_LEAF = 1, IPC_DICT = 2 };

enum ipc_tag {
    IPC_NONE = 0,     /* an unused member */
    IPC_BOOLEAN = 1,
    IPC_NUMBER = 2,
    IPC_STRING = 3,
    IPC_FD = 4,       /* a file_descriptor: one fd */
    IPC_ADDRESS = 5,  /* an actor address: one seqpacket socket */
};

struct ipc_member {
    uint8_t tag;
    uint8_t key_len;          /* 0 in a leaf message */
    uint8_t str_len;
    uint8_t boolean;
    uint8_t pad[4];
    double number;
    char key[IPC_STR_MAX + 1];
    char str[IPC_STR_MAX + 1];
};

struct ipc_wire {
    uint8_t kind;
    uint8_t count;            /* members in use, from the first */
    uint8_t pad[6];
    struct ipc_member m[EMILUA_IPC_MAX_MEMBERS];
};

/* 0 when the len bytes at buf are a well-formed message carrying exactly
 * nfds fds; else -1.  Every byte is checked: padding and unused space
 * must be zero, so one message has one encoding. */
int ipc_validate(const void *buf, size_t len, size_t nfds);

/* How many fds the (valid) message carries. */
size_t ipc_fd_count(const struct ipc_wire *w);

#endif
