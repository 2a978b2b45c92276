/* SPDX-License-Identifier: MIT */
/* source.c - read the input, check its encoding, split it into lines. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "util.h"

void rec_source_init(rec_source *src)
{
    memset(src, 0, sizeof *src);
}

void rec_source_free(rec_source *src)
{
    free(src->bytes);
    free(src->norm);
    free(src->lines);
    rec_source_init(src);
}

/* "256 MiB", "1500 bytes": a limit as people write it. Caller frees. */
static char *size_words(size_t n)
{
    if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
        return rec_asprintf("%zu MiB", n / (1024 * 1024));
    if (n >= 1024 && n % 1024 == 0)
        return rec_asprintf("%zu KiB", n / 1024);
    return rec_asprintf("%zu bytes", n);
}

static rec_status too_large(const char *path, size_t max, rec_kind_id *kind, char **err)
{
    char *limit = size_words(max);
    *err = rec_asprintf("'%s' is larger than %s, the most rec2xml reads; give a larger "
                        "--max-input-size if it really is one document",
                        path, limit);
    free(limit);
    if (kind)
        *kind = REC_KIND_INPUT_TOO_LARGE;
    return REC_IOERR;
}

rec_status rec_source_read(rec_source *src, const char *path, size_t max, rec_kind_id *kind, char **err)
{
    if (kind)
        *kind = REC_KIND_IO_ERROR;
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *err = rec_asprintf("cannot open '%s': %s", path, strerror(errno));
        return REC_IOERR;
    }
    rec_status rc = REC_IOERR;
    char *buf = NULL;
    struct stat st;
    bool known = fstat(fd, &st) == 0, regular = known && S_ISREG(st.st_mode);
    if (known && S_ISDIR(st.st_mode)) {
        *err = rec_asprintf("cannot read '%s': Is a directory", path);
        goto done;
    }
    if (regular) {
        src->mtime = st.st_mtim; /* before reading: an edit from now on is later */
        src->has_mtime = true;
        if (max && st.st_size > 0 && (uintmax_t)st.st_size > max) {
            rc = too_large(path, max, kind, err);
            goto done;
        }
    }
    /* a regular file's size and one byte more: the read that finds the end
     * needs no second buffer; anything else (a pipe, a device that never
     * ends) grows by doubling, up to the limit */
    size_t cap = regular && st.st_size > 0 ? (size_t)st.st_size + 2 : 65536;
    size_t size = 0;
    buf = rec_xmalloc(cap);
    for (;;) {
        if (size + 1 >= cap) {
            cap *= 2;
            if (max && cap > max + 2)
                cap = max + 2;
            buf = rec_xrealloc(buf, cap);
        }
        ssize_t got = read(fd, buf + size, cap - size - 1);
        if (got == 0)
            break;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            *err = rec_asprintf("cannot read '%s': %s", path, strerror(errno));
            goto done;
        }
        size += (size_t)got;
        if (max && size > max) {
            rc = too_large(path, max, kind, err);
            goto done;
        }
    }
    buf[size] = '\0';
    src->bytes = buf;
    src->size = size;
    src->bom = size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    buf = NULL;
    rc = REC_OK;
done:
    free(buf);
    if (fd != STDIN_FILENO)
        close(fd);
    return rc;
}

void rec_source_drop(rec_source *src, bool keep_bytes)
{
    free(src->norm);
    free(src->lines);
    src->norm = NULL;
    src->lines = NULL;
    src->nlines = 0;
    if (!keep_bytes) {
        free(src->bytes);
        src->bytes = NULL;
        src->size = src->bom = 0;
    }
}

/* Report the first occurrence of a problem of each kind, with the count of
 * the others: a file of a million NUL bytes deserves one line, not a million. */
typedef struct {
    unsigned long line, col, count;
    char what[64];
} first_seen;

static void note(first_seen *f, unsigned long line, unsigned long col, const char *what)
{
    if (f->count++ == 0) {
        f->line = line;
        f->col = col;
        snprintf(f->what, sizeof f->what, "%s", what);
    }
}

static void flush_note(rec_diags *diags, const first_seen *f, rec_kind_id kind, const char *what,
                       const char *advice)
{
    if (f->count == 1)
        rec_diags_add(diags, f->line, f->col, REC_ERROR, kind, "%s %s %s; %s", what, f->what,
                      kind == REC_KIND_INVALID_UTF8 ? "is not UTF-8" : "cannot be kept in a document",
                      advice);
    else if (f->count > 1)
        rec_diags_add(diags, f->line, f->col, REC_ERROR, kind, "%s %s %s (and %lu more); %s", what, f->what,
                      kind == REC_KIND_INVALID_UTF8 ? "is not UTF-8" : "cannot be kept in a document",
                      f->count - 1, advice);
}

rec_status rec_source_split(rec_source *src, rec_diags *diags)
{
    const char *p = src->bytes + src->bom, *end = src->bytes + src->size;
    size_t cap = 64, n = 0;
    first_seen bad_utf8 = {0}, bad_char = {0};

    /* zeroed: PCRE2's JIT may read a few bytes past a line (harmlessly), and
     * valgrind would call them uninitialised */
    src->norm = rec_xcalloc((size_t)(end - p) + 16);
    src->lines = rec_xmalloc(cap * sizeof *src->lines);
    char *out = src->norm;
    unsigned long number = 1;

    while (p < end || n == 0) {
        char *start = out;
        unsigned long col = 1;
        while (p < end && *p != '\n' && *p != '\r') {
            unsigned char c = (unsigned char)*p;
            if (c >= 0x20 && c < 0x7F) { /* printable ASCII, most of any text */
                *out++ = (char)c;
                p++;
                col++;
                continue;
            }
            size_t len = rec_utf8_valid(p, (size_t)(end - p));
            if (len == 0) {
                char what[64];
                snprintf(what, sizeof what, "0x%02X", c);
                note(&bad_utf8, number, col, what);
                *out++ = '?';
                p++;
            } else if (c == '\t' || c == '\f') {
                *out++ = (char)c; /* layout: the parser reads them as blanks */
                p++;
            } else if (c < 0x20 || c == 0x7F || (len == 2 && rec_utf8_decode(p, 2) < 0xA0) ||
                       (len == 3 && (rec_utf8_decode(p, 3) & 0xFFFE) == 0xFFFE)) {
                /* C0 and C1 controls, DEL and the non-characters U+FFFE/F:
                 * nothing a person typed, and XML 1.0 cannot hold most */
                char what[64];
                snprintf(what, sizeof what, "U+%04X", (unsigned)rec_utf8_decode(p, len));
                note(&bad_char, number, col, what);
                *out++ = ' ';
                p += len;
            } else {
                memcpy(out, p, len);
                out += len;
                p += len;
            }
            col++;
        }
        if (n == cap) {
            cap *= 2;
            src->lines = rec_xrealloc(src->lines, cap * sizeof *src->lines);
        }
        src->lines[n].text = start;
        src->lines[n].len = (size_t)(out - start);
        src->lines[n].number = number++;
        src->lines[n].col = 0;
        n++;
        *out++ = '\0';
        if (p < end && *p == '\r') {
            p++;
            if (p < end && *p == '\n')
                p++;
        } else if (p < end && *p == '\n') {
            p++;
        }
        if (p == end)
            break;
    }
    src->nlines = n;
    /* the doubling left up to half the array unused: give it back */
    src->lines = rec_xrealloc(src->lines, n * sizeof *src->lines);

    flush_note(diags, &bad_utf8, REC_KIND_INVALID_UTF8, "byte", "save the file as UTF-8");
    flush_note(diags, &bad_char, REC_KIND_CONTROL_CHARACTER, "control character", "delete it");
    return bad_utf8.count || bad_char.count ? REC_INVALID : REC_OK;
}

unsigned long rec_line_column(const rec_line *l, size_t byte)
{
    return l->col + (unsigned long)rec_utf8_count(l->text, byte) + 1;
}

unsigned rec_line_indent(const rec_line *line)
{
    unsigned col = 0;
    for (size_t i = 0; i < line->len;) {
        unsigned char c = (unsigned char)line->text[i];
        if (c == '\f')
            i++; /* a page break is not indentation */
        else if (c == ' ')
            col++, i++;
        else if (c == '\t')
            col = (col / 8 + 1) * 8, i++;
        else if (c == 0xC2 && i + 1 < line->len && (unsigned char)line->text[i + 1] == 0xA0)
            col++, i += 2;
        else
            break;
    }
    return col;
}
