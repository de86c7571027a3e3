#!/usr/bin/env Rscript
# Independent reference values for `wardspc equity` (issue 8), from R's own poisson.test.
#
# Writes, into Tests/WardSPCTests/Fixtures/equity/:
#   input.csv       long format with ethnic_group and each group's own bed_days
#   counts.csv      the same counts without bed_days (for --exposure)
#   exposure.csv    trust, ward, week_start, ethnic_group, bed_days
#   expected.csv    per level x measure x window x broad group: count, exposure, rate per
#                   1,000 bed days, rate ratio vs White and its 95% CI from
#                   poisson.test(c(a, r), c(T_a, T_r)), unknown_share
#   expected_changes.csv  ratio of rate ratios (comparison / baseline) with the log-scale
#                   95% CI, SE = sqrt(1/a_b + 1/r_b + 1/a_c + 1/r_c)
#
# Run from the package root:  Rscript Tests/Tools/equity_reference.R
# (R 4.x, base packages only). The Swift tests read the committed output; CI needs no R.
# The roll-up of values to broad groups below is written out by hand from the NHS Data
# Dictionary, independently of Sources/WardData/Model/EthnicCategory.swift.

out <- "Tests/WardSPCTests/Fixtures/equity"
set.seed(8)

values <- c("A", "White Irish", "C", "D", "Mixed - Any other mixed background", "H", "Pakistani",
            "N", "Black or Black British - Caribbean", "S", "Z", "99")
broad <- c("White", "White", "White", "Mixed", "Mixed", "Asian", "Asian",
           "Black", "Black", "Other", NA, NA)
relative_risk <- c(White = 1, Mixed = 1.6, Asian = 1.1, Black = 3.2, Other = 1.3)
wards <- data.frame(trust = c("T1", "T1", "T2"), ward = c("Ash", "Birch", "Cedar"))
weeks <- format(as.Date("2024-01-01") + 7 * (0:7))
measures <- c("restraint", "seclusion")
base_rate <- c(restraint = 12, seclusion = 3)  # per 1,000 bed days

rows <- list()
exposure <- list()
for (w in seq_len(nrow(wards))) {
  for (week in weeks) {
    days <- round(runif(length(values), 5, 400))
    exposure[[length(exposure) + 1]] <- data.frame(trust = wards$trust[w], ward = wards$ward[w],
                                                   week_start = week, ethnic_group = values, bed_days = days)
    for (m in measures) {
      risk <- ifelse(is.na(broad), 1.2, relative_risk[ifelse(is.na(broad), "White", broad)])
      rate <- base_rate[[m]] * risk
      # Cedar's seclusion: no White incidents at all (rate ratios undefined there).
      if (wards$ward[w] == "Cedar" && m == "seclusion") rate[broad %in% "White"] <- 0
      counts <- rpois(length(values), rate * days / 1000)
      rows[[length(rows) + 1]] <- data.frame(trust = wards$trust[w], ward = wards$ward[w], measure = m,
                                             week_start = week, ethnic_group = values, count = counts,
                                             bed_days = days)
    }
  }
}
data <- do.call(rbind, rows)
exposure <- do.call(rbind, exposure)
write.csv(data, file.path(out, "input.csv"), row.names = FALSE, quote = FALSE)
write.csv(data[, c("trust", "ward", "measure", "week_start", "ethnic_group", "count")],
          file.path(out, "counts.csv"), row.names = FALSE, quote = FALSE)
write.csv(exposure, file.path(out, "exposure.csv"), row.names = FALSE, quote = FALSE)

data$group <- broad[match(data$ethnic_group, values)]
windows <- list(all = weeks, baseline = weeks[1:4], comparison = weeks[5:8])  # --baseline-until 2024-01-22
groups <- c("White", "Mixed", "Asian", "Black", "Other")

levels <- list()
levels[["programme"]] <- list(list(trust = "", ward = "", rows = rep(TRUE, nrow(data))))
levels[["trust"]] <- lapply(unique(wards$trust), function(t) list(trust = t, ward = "", rows = data$trust == t))
levels[["ward"]] <- lapply(seq_len(nrow(wards)), function(w)
  list(trust = wards$trust[w], ward = wards$ward[w], rows = data$trust == wards$trust[w] & data$ward == wards$ward[w]))

fmt <- function(x) ifelse(is.na(x), "", trimws(formatC(x, digits = 17, format = "g")))
expected <- list()
changes <- list()
for (level in names(levels)) {
  for (unit in levels[[level]]) {
    for (m in measures) {
      per_window <- list()
      for (window in names(windows)) {
        sel <- data[unit$rows & data$measure == m & data$week_start %in% windows[[window]], ]
        total <- sum(sel$count)
        unknown <- sum(sel$count[is.na(sel$group)])
        a <- sapply(groups, function(g) sum(sel$count[sel$group %in% g]))
        t <- sapply(groups, function(g) sum(sel$bed_days[sel$group %in% g]))
        per_window[[window]] <- list(a = a, t = t)
        for (g in groups) {
          ratio <- NA; low <- NA; high <- NA
          if (g == "White") {
            ratio <- 1
          } else if (a[["White"]] > 0) {
            test <- poisson.test(c(a[[g]], a[["White"]]), c(t[[g]], t[["White"]]))
            ratio <- unname(test$estimate); low <- test$conf.int[1]; high <- test$conf.int[2]
          }
          expected[[length(expected) + 1]] <- data.frame(
            level = level, trust = unit$trust, ward = unit$ward, measure = m, window = window, group = g,
            count = a[[g]], exposure = t[[g]], rate = fmt(1000 * a[[g]] / t[[g]]),
            rate_ratio = fmt(ratio), ci95_low = fmt(low), ci95_high = fmt(high),
            unknown_share = fmt(unknown / total))
        }
      }
      b <- per_window$baseline; c <- per_window$comparison
      for (g in groups[-1]) {
        n <- c(b$a[[g]], b$a[["White"]], c$a[[g]], c$a[["White"]])
        ratio <- NA; low <- NA; high <- NA
        if (all(n > 0)) {
          rr_b <- (b$a[[g]] / b$t[[g]]) / (b$a[["White"]] / b$t[["White"]])
          rr_c <- (c$a[[g]] / c$t[[g]]) / (c$a[["White"]] / c$t[["White"]])
          ratio <- rr_c / rr_b
          se <- sqrt(sum(1 / n))
          low <- exp(log(ratio) - qnorm(0.975) * se); high <- exp(log(ratio) + qnorm(0.975) * se)
        }
        changes[[length(changes) + 1]] <- data.frame(
          level = level, trust = unit$trust, ward = unit$ward, measure = m, group = g,
          ratio_of_rate_ratios = fmt(ratio), ci95_low = fmt(low), ci95_high = fmt(high))
      }
    }
  }
}
header <- sprintf("# %s, stats::poisson.test; Rscript Tests/Tools/equity_reference.R", R.version.string)
writeLines(header, file.path(out, "expected.csv"))
suppressWarnings(write.table(do.call(rbind, expected), file.path(out, "expected.csv"), sep = ",", row.names = FALSE,
            quote = FALSE, append = TRUE))
writeLines(header, file.path(out, "expected_changes.csv"))
suppressWarnings(write.table(do.call(rbind, changes), file.path(out, "expected_changes.csv"), sep = ",", row.names = FALSE,
            quote = FALSE, append = TRUE))
