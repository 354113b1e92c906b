# SPDX-License-Identifier: GPL-2.0
#
# The plot of "make bench": write->event latency through libgpiod (CDF, our
# chip and gpio-sim) and in-kernel cost per interrupt against pin count.
# usage: gnuplot -e "dir='out/bench'" tools/bench/plot.gp

set terminal pngcairo size 1400,560 noenhanced font ",10"
set output dir."/bench.png"
set multiplot layout 1,2
set grid
set datafile commentschars "#"

set title "write -> event latency through libgpiod (CDF)"
set logscale x
set xlabel "microseconds (log scale)"
set ylabel "fraction of events"
set yrange [0:1]
set key bottom right
plot dir."/latency-gpio-clx.dat" using 1:(1) smooth cnormal lw 2 title "gpio-clx", \
     dir."/latency-gpio-sim.dat" using 1:(1) smooth cnormal lw 2 title "gpio-sim"

set title "in-kernel cost per interrupt, one pin pending\n(1024 pins: their bank count, measured at 512 pins; see docs)"
set logscale x 2
set xtics ("32" 32, "128" 128, "512" 512, "1024" 1024)
set xlabel "pins (log scale)"
set ylabel "ns per interrupt, median"
set yrange [0:*]
set key top left
plot dir."/scaling.dat" using 1:2 with linespoints lw 2 title "gpio-clx, banks of 32", \
     "" using 1:3 with linespoints lw 2 title "gpio-clx, banks of 64", \
     "" using 1:4 with linespoints lw 2 title "gpio-sim", \
     "" using 1:5 with lines dt 2 lw 2 title "floor (null irq_chip)"
unset multiplot
