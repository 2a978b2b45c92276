/* main.c - rec2xml: plain-text recommendations to validated XML. */
#include "cli.h"

int main(int argc, char **argv)
{
    return (int)rec_cli_main(argc, argv, stderr);
}
