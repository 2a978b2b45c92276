/* SPDX-License-Identifier: MIT */
/* shimlog.h - the log line of the LD_PRELOAD shims (faultshim.c,
 * mallocshim.c): written with raw system calls, appended to the file LOG
 * names, so that it neither allocates nor enters what the shim wraps. */
#ifndef SHIMLOG_H
#define SHIMLOG_H

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static void shim_log(const char *log, const char *fmt, va_list ap)
{
    char line[1024];
    int n = vsnprintf(line, sizeof line - 1, fmt, ap);
    if (n < 0)
        return;
    if (n > (int)sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    int fd = (int)syscall(SYS_openat, AT_FDCWD, log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) {
        syscall(SYS_write, fd, line, (size_t)n);
        syscall(SYS_close, fd);
    }
}

#endif
