package estimate

import "fmt"

// DimError is arithmetic between quantities whose dimensions do not combine.
type DimError struct {
	Op   string
	A, B Dim
}

func (e *DimError) Error() string {
	return fmt.Sprintf("cannot %s a %s and a %s", e.Op, e.A, e.B)
}

// plain folds percent into ratio: they differ only in printing.
func plain(d Dim) Dim {
	if d == Percent {
		return Ratio
	}
	return d
}

// products is the table of dimension products; missing pairs do not
// combine. Ratios scale anything and are handled before the table.
var products = map[[2]Dim]Dim{
	{Count, Count}:       Count,
	{Count, Bytes}:       Bytes,
	{Count, Rate}:        Rate,
	{Count, ByteRate}:    ByteRate,
	{Count, Duration}:    Duration,
	{Rate, Duration}:     Count,
	{ByteRate, Duration}: Bytes,
	{Rate, Bytes}:        ByteRate,
}

// Mul multiplies two quantities, checking their dimensions: a rate times a
// duration is a count, a rate times a size is a byte rate, a ratio scales
// anything.
func Mul(a, b Quantity) (Quantity, error) {
	da, db := plain(a.Dim), plain(b.Dim)
	v := a.Value * b.Value
	switch {
	case da == Ratio:
		return Quantity{Value: v, Dim: b.Dim, Per: b.Per}, nil
	case db == Ratio:
		return Quantity{Value: v, Dim: a.Dim, Per: a.Per}, nil
	}
	if d, ok := products[[2]Dim{da, db}]; ok {
		return Quantity{Value: v, Dim: d}, nil
	}
	if d, ok := products[[2]Dim{db, da}]; ok {
		return Quantity{Value: v, Dim: d}, nil
	}
	return Quantity{}, &DimError{Op: "multiply", A: a.Dim, B: b.Dim}
}

// Div divides a by b, checking dimensions: a count over a duration is a
// rate, bytes over bytes a ratio.
func Div(a, b Quantity) (Quantity, error) {
	if b.Value == 0 {
		return Quantity{}, fmt.Errorf("division by zero")
	}
	da, db := plain(a.Dim), plain(b.Dim)
	v := a.Value / b.Value
	switch {
	case da == db:
		return Quantity{Value: v, Dim: Ratio}, nil
	case db == Ratio:
		return Quantity{Value: v, Dim: a.Dim, Per: a.Per}, nil
	}
	// a / b = c exactly when c × b = a.
	for pair, prod := range products {
		if prod != da {
			continue
		}
		if pair[1] == db {
			return Quantity{Value: v, Dim: pair[0]}, nil
		}
		if pair[0] == db {
			return Quantity{Value: v, Dim: pair[1]}, nil
		}
	}
	return Quantity{}, &DimError{Op: "divide", A: a.Dim, B: b.Dim}
}

// Add adds quantities of the same dimension; bytes plus seconds is an
// error.
func Add(a, b Quantity) (Quantity, error) {
	if plain(a.Dim) != plain(b.Dim) {
		return Quantity{}, &DimError{Op: "add", A: a.Dim, B: b.Dim}
	}
	return Quantity{Value: a.Value + b.Value, Dim: a.Dim, Per: a.Per}, nil
}
