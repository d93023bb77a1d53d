#ifndef ORDERDESK_CNCURSES_SHIM_H
#define ORDERDESK_CNCURSES_SHIM_H
// NCURSES_WIDECHAR must come before curses.h, or wget_wch and friends are missing.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <string.h>
#include <ncursesw/curses.h>

// Swift cannot import the A_* macros (they expand to casts and shifts), so each is a function.
static inline attr_t od_attr_normal(void) { return A_NORMAL; }
static inline attr_t od_attr_bold(void) { return A_BOLD; }
static inline attr_t od_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t od_attr_reverse(void) { return A_REVERSE; }
static inline attr_t od_attr_dim(void) { return A_DIM; }

// Swift 6 refuses to read the C globals stdscr, COLORS and COLOR_PAIRS ("not concurrency-safe");
// reading them here, on the thread that owns the terminal, is fine.
static inline WINDOW *od_stdscr(void) { return stdscr; }
static inline int od_colors(void) { return COLORS; }
static inline int od_color_pairs(void) { return COLOR_PAIRS; }

// KEY_F(n) is a function-like macro.
static inline int od_key_f(int n) { return KEY_F(n); }

// libc's wcwidth is not importable; ncurses lays out cells with it, so drawing needs to know
// where ncurses and our own width tables disagree.
static inline int od_wcwidth(wchar_t c) { return wcwidth(c); }

// Sets the attributes and the (possibly extended, > 32767) colour pair for the next writes.
// wattr_set reads an int pair through `opts` when it is non-null.
static inline int od_set_attributes(WINDOW *w, attr_t attrs, int pair) {
    return wattr_set(w, attrs, (short)(pair <= 32767 ? pair : 0), &pair);
}

// Sets the window background (what werase fills with) to blanks in attributes and a colour pair.
static inline void od_set_background(WINDOW *w, attr_t attrs, int pair) {
    cchar_t c;
    wchar_t s[2] = { L' ', 0 };
    setcchar(&c, s, attrs, (short)(pair <= 32767 ? pair : 0), &pair);
    wbkgrndset(w, &c);
}

// Whether the terminal declares direct (24-bit) colour through the "RGB" capability.
static inline int od_has_rgb_flag(void) { return tigetflag("RGB") > 0; }
// The mouse masks are built by the function-like NCURSES_MOUSE_MASK macro, so Swift cannot import them.
static inline mmask_t od_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t od_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t od_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t od_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t od_button1_triple_clicked(void) { return BUTTON1_TRIPLE_CLICKED; }
static inline mmask_t od_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t od_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t od_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t od_button5_pressed(void) { return BUTTON5_PRESSED; }

// How ncurses reads this terminal's mouse reports: 2 when it decodes SGR 1006 itself (terminfo's kmous is
// "\E[<" or XM asks for mode 1006, as for xterm-256color); 1 when terminfo has only the X10 form "\E[M"
// (screen, tmux-256color), which cannot tell columns past 223 apart; 0 when terminfo knows no mouse.
static inline int od_terminfo_mouse_kind(void) {
    char *kmous = tigetstr("kmous");
    char *xm = tigetstr("XM");
    int hasKey = kmous != 0 && kmous != (char *)-1 && kmous[0] != 0;
    int sgrKey = hasKey && strstr(kmous, "[<") != 0;
    int sgrXM = xm != 0 && xm != (char *)-1 && strstr(xm, "1006") != 0;
    return sgrKey || sgrXM ? 2 : hasKey ? 1 : 0;
}
#endif
