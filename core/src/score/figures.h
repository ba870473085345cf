/* Quoted figures: numbers with what makes them news, their unit or context:
 * money ("$500 billion", "£600m"), shares ("20 percent", "13 per cent",
 * "76%"), measures ("2.5 kilometers"), counts of things ("48 people",
 * "dozens of homes") and dates ("13 August 2025", "on Friday"). */
#ifndef PRECIS_SCORE_FIGURES_H
#define PRECIS_SCORE_FIGURES_H

#include "score/scan.h"

typedef enum pc_figure_kind {
  PC_FIG_MONEY = 0,
  PC_FIG_PERCENT,
  PC_FIG_MEASURE,
  PC_FIG_COUNT,
  PC_FIG_DATE,
  PC_FIG_NUMBER, /* a bare number with no context */
  PC_FIG_KINDS
} pc_figure_kind;

typedef struct pc_figures {
  unsigned count[PC_FIG_KINDS];
  double weight; /* sum of the figures' weights (see figures.c) */
} pc_figures;

/* The figures of the scanned sentence. */
void pc_find_figures(const pc_scan *s, pc_figures *out);

#endif
