package estimate

import "testing"

func TestFormat(t *testing.T) {
	tests := []struct {
		q    Quantity
		want string
	}{
		{Quantity{Value: 115.74, Dim: Count}, "116"},
		{Quantity{Value: 1157.4, Dim: Count}, "1.16k"},
		{Quantity{Value: 999.6, Dim: Count}, "1k"},
		{Quantity{Value: 10e6, Dim: Count}, "10M"},
		{Quantity{Value: 18.25e12, Dim: Bytes}, "18.3 TB"},
		{Quantity{Value: 24.11e6, Dim: ByteRate}, "24.1 MB/s"},
		{Quantity{Value: 0.2, Dim: Duration}, "200 ms"},
		{Quantity{Value: 5 * 365 * 86400, Dim: Duration}, "5 years"},
		{Quantity{Value: 0.9999, Dim: Percent}, "99.99%"},
		{Quantity{Value: 115.74, Dim: Rate}, "116/s"},
		{Quantity{Value: 10e6 / 86400, Dim: Rate, Per: PerDay}, "10M/day"},
		{Quantity{Value: 0.05, Dim: Ratio}, "0.05"},
	}
	for _, tt := range tests {
		if got := Format(tt.q); got != tt.want {
			t.Errorf("Format(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
