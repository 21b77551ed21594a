// Package corpus generates large test corpora from a few articles, for
// whole-run benchmarks and memory measurements.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// Generate writes copies of the articles in seeds (file paths) into dir,
// 100 files per sub-folder, until at least size bytes are written. Every
// copy starts with its own line, so no two files have the same content.
// It returns the number of files and bytes written.
func Generate(dir string, seeds []string, size int64) (files int, written int64, err error) {
	if len(seeds) == 0 {
		return 0, 0, fmt.Errorf("generate corpus: no seed articles")
	}
	texts := make([][]byte, len(seeds))
	for i, p := range seeds {
		if texts[i], err = os.ReadFile(p); err != nil {
			return 0, 0, fmt.Errorf("generate corpus: %w", err)
		}
	}
	for written < size {
		sub := filepath.Join(dir, fmt.Sprintf("%04d", files/100))
		if files%100 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return files, written, fmt.Errorf("generate corpus: %w", err)
			}
		}
		text := append([]byte(fmt.Sprintf("Copy %d of %s.\n\n", files, filepath.Base(seeds[files%len(seeds)]))), texts[files%len(texts)]...)
		name := filepath.Join(sub, fmt.Sprintf("%06d.txt", files))
		if err := os.WriteFile(name, text, 0o644); err != nil {
			return files, written, fmt.Errorf("generate corpus: %w", err)
		}
		files++
		written += int64(len(text))
	}
	return files, written, nil
}
