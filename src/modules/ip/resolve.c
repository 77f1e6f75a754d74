/* Name resolution on the libuv thread pool: ip.{tcp,udp}.get_address_info
 * (and the _v4/_v6 variants) and ip.{tcp,udp}.get_name_info.
 *
 * getaddrinfo() cannot be interrupted once a pool thread runs it, so a
 * canceled fiber does not wait for it: the canceller resumes the fiber at
 * once and marks the request detached; the request's callback then only
 * frees what it got. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emilua/asio_error.h>
#include <emilua/ip.h>

#include "ip_module.h"

/* Boost.Asio's reading of the EAI_* codes (libuv hands them over as
 * UV_EAI_*); anything else is an errno value from EAI_SYSTEM. */
static void resume_eai_error(emilua_fiber *f, int status)
{
    const emilua_error_category *netdb = &emilua_asio_netdb_category;
    switch (status) {
    case UV_EAI_AGAIN:
        emilua_resume_error(f, netdb,
                            EMILUA_ASIO_NETDB_HOST_NOT_FOUND_TRY_AGAIN);
        return;
    case UV_EAI_FAIL:
        emilua_resume_error(f, netdb, EMILUA_ASIO_NETDB_NO_RECOVERY);
        return;
    case UV_EAI_NONAME:
    case UV_EAI_ADDRFAMILY:
    case UV_EAI_NODATA:
        emilua_resume_error(f, netdb, EMILUA_ASIO_NETDB_HOST_NOT_FOUND);
        return;
    case UV_EAI_SERVICE:
        emilua_resume_error(f, &emilua_asio_addrinfo_category,
                            EMILUA_ASIO_ADDRINFO_SERVICE_NOT_FOUND);
        return;
    case UV_EAI_SOCKTYPE:
        emilua_resume_error(f, &emilua_asio_addrinfo_category,
                            EMILUA_ASIO_ADDRINFO_SOCKET_TYPE_NOT_SUPPORTED);
        return;
    case UV_EAI_BADFLAGS:
    case UV_EAI_BADHINTS:
        emilua_resume_errno(f, EINVAL);
        return;
    case UV_EAI_FAMILY:
        emilua_resume_errno(f, EAFNOSUPPORT);
        return;
    case UV_EAI_MEMORY:
        emilua_resume_errno(f, ENOMEM);
        return;
    default:
        emilua_resume_errno(f, status < 0 && status > -4096 ? -status : EIO);
        return;
    }
}

/* ---- get_address_info ---------------------------------------------------- */

struct addrinfo_op {
    uv_getaddrinfo_t req;
    emilua_fiber *fiber;
    bool detached;
    bool canonical_name;
    char host[];                /* as given, the default canonical name */
};

static const struct {
    const char *name;
    int flag;
} resolve_flags[] = {
    {"address_configured", AI_ADDRCONFIG},
    {"all_matching", AI_ALL},
    {"canonical_name", AI_CANONNAME},
    {"passive", AI_PASSIVE},
    {"v4_mapped", AI_V4MAPPED},
};

/* nil means glibc's default; otherwise an array of flag names. */
static int check_flags(lua_State *L, int argn)
{
    if (lua_isnoneornil(L, argn))
        return AI_ADDRCONFIG | AI_V4MAPPED;
    emilua_check_type(L, argn, LUA_TTABLE, "flags");
    int flags = 0;
    size_t n = lua_objlen(L, argn);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, argn, (int)i);
        const char *name = lua_type(L, -1) == LUA_TSTRING
                               ? lua_tostring(L, -1) : NULL;
        size_t k = 0, nflags = sizeof resolve_flags / sizeof resolve_flags[0];
        while (name && k < nflags && strcmp(name, resolve_flags[k].name))
            k++;
        if (!name || k == nflags)
            return emilua_raise_einval_arg(L, argn);
        flags |= resolve_flags[k].flag;
        lua_pop(L, 1);
    }
    return flags;
}

static void push_entries(lua_State *L, const struct addrinfo *res,
                         const char *canonical)
{
    lua_newtable(L);
    int n = 0;
    for (const struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        emilua_ip_address a;
        uint16_t port;
        if (!emilua_ip_from_sockaddr(ai->ai_addr, &a, &port))
            continue;
        lua_createtable(L, 0, canonical ? 3 : 2);
        emilua_push_ip_address(L, &a);
        lua_setfield(L, -2, "address");
        lua_pushinteger(L, port);
        lua_setfield(L, -2, "port");
        if (canonical) {
            lua_pushstring(L, canonical);
            lua_setfield(L, -2, "canonical_name");
        }
        lua_rawseti(L, -2, ++n);
    }
}

static bool has_ip_entry(const struct addrinfo *res)
{
    for (; res; res = res->ai_next)
        if (res->ai_family == AF_INET || res->ai_family == AF_INET6)
            return true;
    return false;
}

static void on_addrinfo(uv_getaddrinfo_t *req, int status,
                        struct addrinfo *res)
{
    struct addrinfo_op *op = req->data;
    emilua_fiber *f = op->fiber;
    if (op->detached) {
        /* nothing */
    } else if (status) {
        resume_eai_error(f, status);
    } else if (!has_ip_entry(res)) {
        emilua_resume_error(f, &emilua_asio_misc_category,
                            EMILUA_ASIO_MISC_NOT_FOUND);
    } else {
        lua_State *L = emilua_resume_begin(f);
        if (L) {
            /* Boost.Asio gives every entry the first entry's canonical
             * name, or the host as asked when there is none. */
            const char *canonical = NULL;
            if (op->canonical_name)
                canonical = res->ai_canonname ? res->ai_canonname : op->host;
            push_entries(L, res, canonical);
            emilua_resume_end(f, 1);
        }
    }
    uv_freeaddrinfo(res);
    free(op);
}

static void addrinfo_cancel(emilua_fiber *f, void *data)
{
    struct addrinfo_op *op = data;
    op->detached = true;
    uv_cancel((uv_req_t *)&op->req);
    emilua_resume_canceled(f);
}

static int get_address_info(lua_State *L, bool udp, int family)
{
    char host[EMILUA_IP_ADDRSTRLEN];
    const char *node;
    size_t node_len;
    int numeric = 0;
    emilua_ip_address *a = emilua_test_ip_address(L, 1);
    if (a) {
        node_len = emilua_ip_format(a, host);
        node = host;
        numeric |= AI_NUMERICHOST;
    } else {
        if (lua_type(L, 1) != LUA_TSTRING)
            return emilua_arg_error(L, 1, "host",
                                    "a string or an ip.address");
        node = lua_tolstring(L, 1, &node_len);
        if (strlen(node) != node_len)
            return emilua_raise_einval_arg(L, 1);
    }

    char port[8];
    const char *service;
    if (lua_type(L, 2) == LUA_TNUMBER) {
        snprintf(port, sizeof port, "%u",
                 (unsigned)emilua_check_ip_port(L, 2));
        service = port;
        numeric |= AI_NUMERICSERV;
    } else {
        if (lua_type(L, 2) != LUA_TSTRING)
            return emilua_arg_error(L, 2, "service",
                                    "a string or an integer");
        size_t len;
        service = lua_tolstring(L, 2, &len);
        if (strlen(service) != len)
            return emilua_raise_einval_arg(L, 2);
    }
    int flags = check_flags(L, 3) | numeric;

    emilua_fiber *f = emilua_begin_suspend(L);
    struct addrinfo_op *op = malloc(sizeof *op + node_len + 1);
    if (!op)
        return emilua_raise_errno(L, ENOMEM);
    op->fiber = f;
    op->detached = false;
    op->canonical_name = flags & AI_CANONNAME;
    memcpy(op->host, node, node_len + 1);
    op->req.data = op;

    struct addrinfo hints = {
        .ai_flags = flags,
        .ai_family = family,
        .ai_socktype = udp ? SOCK_DGRAM : SOCK_STREAM,
        .ai_protocol = udp ? IPPROTO_UDP : IPPROTO_TCP,
    };
    int err = uv_getaddrinfo(emilua_vm_loop(emilua_vm_of(L)), &op->req,
                             on_addrinfo, *node ? node : NULL,
                             *service ? service : NULL, &hints);
    if (err) {
        free(op);
        return emilua_raise_errno(L, -err);
    }
    return emilua_suspend(L, f, addrinfo_cancel, op);
}

/* ---- get_name_info ------------------------------------------------------- */

struct nameinfo_op {
    uv_getnameinfo_t req;
    emilua_fiber *fiber;
    bool detached;
    bool numeric_service;       /* the second attempt */
    int flags;
    struct sockaddr_storage addr;
};

static void on_nameinfo(uv_getnameinfo_t *req, int status,
                        const char *hostname, const char *service);

static int start_nameinfo(struct nameinfo_op *op, uv_loop_t *loop)
{
    int flags = op->flags | (op->numeric_service ? NI_NUMERICSERV : 0);
    return uv_getnameinfo(loop, &op->req, on_nameinfo,
                          (struct sockaddr *)&op->addr, flags);
}

/* Like Boost.Asio, a service without a name is tried again as a
 * number rather than failing the whole lookup. */
static void on_nameinfo(uv_getnameinfo_t *req, int status,
                        const char *hostname, const char *service)
{
    struct nameinfo_op *op = req->data;
    emilua_fiber *f = op->fiber;
    if (!op->detached && status && status != UV_ECANCELED &&
        !op->numeric_service) {
        op->numeric_service = true;
        status = start_nameinfo(op, req->loop);
        if (status == 0)
            return;
    }
    if (op->detached) {
        /* nothing */
    } else if (status) {
        resume_eai_error(f, status);
    } else {
        lua_State *L = emilua_resume_begin(f);
        if (L) {
            lua_createtable(L, 1, 0);
            lua_createtable(L, 0, 2);
            lua_pushstring(L, hostname);
            lua_setfield(L, -2, "host_name");
            lua_pushstring(L, service);
            lua_setfield(L, -2, "service_name");
            lua_rawseti(L, -2, 1);
            emilua_resume_end(f, 1);
        }
    }
    free(op);
}

static void nameinfo_cancel(emilua_fiber *f, void *data)
{
    struct nameinfo_op *op = data;
    op->detached = true;
    uv_cancel((uv_req_t *)&op->req);
    emilua_resume_canceled(f);
}

static int get_name_info(lua_State *L, bool udp)
{
    emilua_ip_address *a = emilua_check_ip_address(L, 1, NULL);
    uint16_t port = emilua_check_ip_port(L, 2);
    emilua_fiber *f = emilua_begin_suspend(L);
    struct nameinfo_op *op = malloc(sizeof *op);
    if (!op)
        return emilua_raise_errno(L, ENOMEM);
    op->fiber = f;
    op->detached = false;
    op->numeric_service = false;
    op->flags = udp ? NI_DGRAM : 0;
    emilua_ip_to_sockaddr(a, port, &op->addr);
    op->req.data = op;
    int err = start_nameinfo(op, emilua_vm_loop(emilua_vm_of(L)));
    if (err) {
        free(op);
        return emilua_raise_errno(L, -err);
    }
    return emilua_suspend(L, f, nameinfo_cancel, op);
}

/* ---- bindings ------------------------------------------------------------ */

#define RESOLVERS(proto, udp)                                                \
    static int proto##_get_address_info(lua_State *L)                       \
    {                                                                        \
        return get_address_info(L, udp, AF_UNSPEC);                          \
    }                                                                        \
    static int proto##_get_address_v4_info(lua_State *L)                    \
    {                                                                        \
        return get_address_info(L, udp, AF_INET);                            \
    }                                                                        \
    static int proto##_get_address_v6_info(lua_State *L)                    \
    {                                                                        \
        return get_address_info(L, udp, AF_INET6);                           \
    }                                                                        \
    static int proto##_get_name_info(lua_State *L)                          \
    {                                                                        \
        return get_name_info(L, udp);                                       \
    }                                                                        \
    static const emilua_reg proto##_resolvers[] = {                          \
        {"get_address_info", proto##_get_address_info, EMILUA_SUSPENDS},     \
        {"get_address_v4_info", proto##_get_address_v4_info,                 \
         EMILUA_SUSPENDS},                                                   \
        {"get_address_v6_info", proto##_get_address_v6_info,                 \
         EMILUA_SUSPENDS},                                                   \
        {"get_name_info", proto##_get_name_info, EMILUA_SUSPENDS},           \
        {NULL, NULL, 0},                                                     \
    };

RESOLVERS(tcp, false)
RESOLVERS(udp, true)

void ip_set_resolvers(lua_State *L, bool udp)
{
    emilua_set_funcs(L, udp ? "ip.udp" : "ip.tcp",
                     udp ? udp_resolvers : tcp_resolvers);
}
