/* SPDX-License-Identifier: MIT */
/* resources.h - the schemas and stylesheets built into the binary.
 *
 * They are addressed by URI "rec2xml:/schemas/rec2xml.rng",
 * "rec2xml:/stylesheets/html.xsl", so a user stylesheet can
 * <xsl:import href="rec2xml:/stylesheets/html.xsl"/> to override one
 * template, and relative imports between built-in sheets resolve. */
#ifndef REC_RESOURCES_H
#define REC_RESOURCES_H

#include <stddef.h>

#define REC_RESOURCE_SCHEME "rec2xml:/"

typedef struct {
    const char *name;          /* "stylesheets/html.xsl" */
    const unsigned char *data; /* NUL-terminated */
    size_t size;
} rec_resource;

/* The table, ended by a {NULL} entry (generated at build time). */
extern const rec_resource rec_resources[];

/* The resource a URI or a name designates ("rec2xml:/stylesheets/html.xsl"
 * or "stylesheets/html.xsl"), or NULL. Static storage: never freed. */
const rec_resource *rec_resource_find(const char *uri_or_name);

#endif
