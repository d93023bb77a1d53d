#ifndef ORDERDESK_CNCURSES_SHIM_H
#define ORDERDESK_CNCURSES_SHIM_H
// NCURSES_WIDECHAR must come before curses.h, or wget_wch and friends are missing.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
