package view

import (
	"math"
)

// point is a position in the layout's coordinates.
type point struct{ X, Y float64 }

// layout places n nodes by a force-directed simulation in the manner of
// ForceAtlas2 (Jacomy et al., 2014): every pair of nodes repels in
// proportion to the product of their degrees plus one, so hubs keep room
// around them; every edge pulls its ends together linearly, stronger with
// its weight; a gravity of constant strength (again by degree) keeps
// unconnected nodes near the rest. The largest step allowed cools to
// nothing over the iterations. The start is a spiral in node order (most
// mentioned first, so the hubs start in the middle) and nothing is random:
// the same graph always gets the same picture.
//
// The result is fitted into a square of side size, margin left free, and
// then nodes that would overlap (radius r[i] plus room for a label) are
// pushed apart.
func layout(n int, edges [][2]int, weights []float64, r []float64, size, margin float64) []point {
	pos := make([]point, n)
	if n == 0 {
		return pos
	}
	const golden = 2.399963229728653 // radians
	for i := range pos {
		rad := math.Sqrt(float64(i) + 0.5)
		pos[i] = point{rad * math.Cos(float64(i)*golden), rad * math.Sin(float64(i)*golden)}
	}
	deg := make([]float64, n)
	for _, e := range edges {
		deg[e[0]]++
		deg[e[1]]++
	}
	const repulsion, gravity = 2.0, 4.0
	iters := 400
	if n > 400 {
		iters = max(60, 400*400/n)
	}
	disp := make([]point, n)
	for it := 0; it < iters; it++ {
		for i := range disp {
			disp[i] = point{}
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
				d2 := dx*dx + dy*dy
				if d2 < 1e-6 {
					dx, dy, d2 = 1e-3*float64(j-i), 1e-3, 2e-6
				}
				f := repulsion * (deg[i] + 1) * (deg[j] + 1) / d2
				disp[i].X += dx * f
				disp[i].Y += dy * f
				disp[j].X -= dx * f
				disp[j].Y -= dy * f
			}
		}
		for k, e := range edges {
			a, b := e[0], e[1]
			dx, dy := pos[a].X-pos[b].X, pos[a].Y-pos[b].Y
			w := weights[k]
			disp[a].X -= dx * w
			disp[a].Y -= dy * w
			disp[b].X += dx * w
			disp[b].Y += dy * w
		}
		extent := 0.0
		for i, p := range pos {
			d := math.Hypot(p.X, p.Y)
			extent = math.Max(extent, d)
			if d > 1e-9 {
				g := gravity * (deg[i] + 1) / d
				disp[i].X -= p.X * g
				disp[i].Y -= p.Y * g
			}
		}
		temp := math.Max(extent, 1) * 0.1 * (1 - float64(it)/float64(iters))
		for i := range pos {
			d := math.Hypot(disp[i].X, disp[i].Y)
			if d < 1e-12 {
				continue
			}
			// Large forces move a node by at most temp; small ones move it
			// by a share of their size, so the layout settles.
			step := math.Min(d*0.02, temp)
			pos[i].X += disp[i].X / d * step
			pos[i].Y += disp[i].Y / d * step
		}
	}
	fit(pos, size, margin)
	separate(pos, r, size, margin)
	return pos
}

// fit scales and moves pos into the square [margin, size-margin]².
func fit(pos []point, size, margin float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	span := math.Max(maxX-minX, maxY-minY)
	inner := size - 2*margin
	for i, p := range pos {
		if span < 1e-9 {
			pos[i] = point{size / 2, size / 2}
			continue
		}
		pos[i] = point{
			margin + (p.X-minX)/span*inner + (inner-(maxX-minX)/span*inner)/2,
			margin + (p.Y-minY)/span*inner + (inner-(maxY-minY)/span*inner)/2,
		}
	}
}

// separate pushes apart nodes closer than their radii plus a gap, a few
// rounds, keeping them inside the square.
func separate(pos []point, r []float64, size, margin float64) {
	const gap = 12.0
	for round := 0; round < 30; round++ {
		moved := false
		for i := range pos {
			for j := i + 1; j < len(pos); j++ {
				dx, dy := pos[j].X-pos[i].X, pos[j].Y-pos[i].Y
				d := math.Hypot(dx, dy)
				want := r[i] + r[j] + gap
				if d >= want {
					continue
				}
				if d < 1e-6 {
					dx, dy, d = 1, 0.5, math.Hypot(1, 0.5)
				}
				push := (want - d) / 2
				pos[i].X -= dx / d * push
				pos[i].Y -= dy / d * push
				pos[j].X += dx / d * push
				pos[j].Y += dy / d * push
				moved = true
			}
		}
		for i := range pos {
			pos[i].X = math.Min(math.Max(pos[i].X, margin), size-margin)
			pos[i].Y = math.Min(math.Max(pos[i].Y, margin), size-margin)
		}
		if !moved {
			return
		}
	}
}
