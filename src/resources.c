/* SPDX-License-Identifier: MIT */
/* resources.c - look up the built-in schemas and stylesheets. */
#include "resources.h"

#include <string.h>

const rec_resource *rec_resource_find(const char *uri)
{
    size_t n = strlen(REC_RESOURCE_SCHEME);
    if (strncmp(uri, REC_RESOURCE_SCHEME, n) == 0)
        uri += n;
    for (const rec_resource *r = rec_resources; r->name; r++)
        if (strcmp(r->name, uri) == 0)
            return r;
    return NULL;
}
