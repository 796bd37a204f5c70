package estimate

import (
	"fmt"
	"sort"
)

// Name describes one canonical assumption or figure: what dimension its value
// has and how it is printed.
type Name struct {
	ID      string
	Dim     Dim
	Summary string
	// PerDay marks a day's worth of something (requests_per_day,
	// storage_per_day): a rate assigned to it is multiplied out to a day.
	PerDay bool
	// Derived marks a figure the estimator can compute; when a document
	// states one, it is a claim to be checked rather than an input.
	Derived bool
	// BareScale is the unit a plain number is taken in, for names that say
	// their unit (minutes_per_session); zero means a plain number is
	// accepted only where the dimension needs no unit.
	BareScale float64
	// Factor prints a ratio as "10x".
	Factor bool
	// TPS prints a rate as "116 TPS".
	TPS bool
}

var names = []Name{
	// Inputs.
	{ID: "dau", Dim: Count, Summary: "daily active users"},
	{ID: "mau", Dim: Count, Summary: "monthly active users"},
	{ID: "users", Dim: Count, Summary: "total users (a scale statement; not used by the formulas)"},
	{ID: "requests_per_user_per_day", Dim: Count, PerDay: true, Summary: "requests one user makes a day"},
	{ID: "sessions_per_user_per_day", Dim: Count, PerDay: true, Summary: "sessions one user starts a day"},
	{ID: "minutes_per_session", Dim: Duration, BareScale: 60, Summary: "length of a session"},
	{ID: "requests_per_minute", Dim: Rate, BareScale: 1.0 / 60, Summary: "requests a user makes per minute of a session"},
	{ID: "reads_per_user_per_day", Dim: Count, PerDay: true, Summary: "reads one user makes a day"},
	{ID: "writes_per_user_per_day", Dim: Count, PerDay: true, Summary: "writes one user makes a day"},
	{ID: "read_write_ratio", Dim: Ratio, Summary: "reads per write"},
	{ID: "write_ratio", Dim: Ratio, Summary: "fraction of requests that are writes"},
	{ID: "peak_factor", Dim: Ratio, Factor: true, Summary: "peak traffic over average traffic"},
	{ID: "write_size", Dim: Bytes, Summary: "bytes stored per write"},
	{ID: "read_size", Dim: Bytes, Summary: "bytes returned per read"},
	{ID: "retention", Dim: Duration, Summary: "how long written data is kept"},
	{ID: "replication_factor", Dim: Ratio, Factor: true, Summary: "copies kept of each byte"},
	{ID: "server_capacity_tps", Dim: Rate, TPS: true, Summary: "requests per second one server handles"},
	{ID: "target_utilization", Dim: Ratio, Summary: "share of a server's capacity planned for use"},
	{ID: "cache_hot_fraction", Dim: Ratio, Summary: "share of a day's reads worth caching"},
	{ID: "latency", Dim: Duration, Summary: "mean time to serve a request"},
	{ID: "queue_arrival_rate", Dim: Rate, Summary: "messages per second into the queue"},
	{ID: "queue_service_rate", Dim: Rate, Summary: "messages per second one consumer handles"},
	{ID: "consumers", Dim: Count, Summary: "consumers reading the queue"},
	{ID: "availability", Dim: Percent, Summary: "availability target"},

	// Figures the estimator derives.
	{ID: "requests_per_day", Dim: Count, PerDay: true, Derived: true, Summary: "requests a day"},
	{ID: "reads_per_day", Dim: Count, PerDay: true, Derived: true, Summary: "reads a day"},
	{ID: "writes_per_day", Dim: Count, PerDay: true, Derived: true, Summary: "writes a day"},
	{ID: "avg_tps", Dim: Rate, TPS: true, Derived: true, Summary: "average requests per second"},
	{ID: "avg_read_tps", Dim: Rate, TPS: true, Derived: true, Summary: "average reads per second"},
	{ID: "avg_write_tps", Dim: Rate, TPS: true, Derived: true, Summary: "average writes per second"},
	{ID: "peak_tps", Dim: Rate, TPS: true, Derived: true, Summary: "peak requests per second"},
	{ID: "peak_read_tps", Dim: Rate, TPS: true, Derived: true, Summary: "peak reads per second"},
	{ID: "peak_write_tps", Dim: Rate, TPS: true, Derived: true, Summary: "peak writes per second"},
	{ID: "storage_per_day", Dim: Bytes, PerDay: true, Derived: true, Summary: "new data a day"},
	{ID: "storage_per_year", Dim: Bytes, Derived: true, Summary: "new data a year"},
	{ID: "storage_total", Dim: Bytes, Derived: true, Summary: "data kept over the retention period, replicas included"},
	{ID: "ingress_bandwidth", Dim: ByteRate, Derived: true, Summary: "average bytes written per second"},
	{ID: "egress_bandwidth", Dim: ByteRate, Derived: true, Summary: "average bytes read per second"},
	{ID: "peak_ingress_bandwidth", Dim: ByteRate, Derived: true, Summary: "bytes written per second at peak"},
	{ID: "peak_egress_bandwidth", Dim: ByteRate, Derived: true, Summary: "bytes read per second at peak"},
	{ID: "servers", Dim: Count, Derived: true, Summary: "servers needed at peak"},
	{ID: "cache_memory", Dim: Bytes, Derived: true, Summary: "memory for a day's hot reads"},
	{ID: "concurrency", Dim: Count, Derived: true, Summary: "requests in flight at peak (Little's law)"},
	{ID: "queue_growth", Dim: Rate, Derived: true, Summary: "messages the queue gains per hour"},
	{ID: "monthly_downtime", Dim: Duration, Derived: true, Summary: "downtime a month the availability target allows"},
}

var nameIndex = func() map[string]*Name {
	m := make(map[string]*Name, len(names))
	for i := range names {
		m[names[i].ID] = &names[i]
	}
	return m
}()

// Lookup returns the canonical name with the given id.
func Lookup(id string) (Name, bool) {
	n, ok := nameIndex[id]
	if !ok {
		return Name{}, false
	}
	return *n, true
}

// Names lists every canonical name, inputs first, in the order of the chain.
func Names() []Name { return append([]Name(nil), names...) }

// NameIDs lists the canonical ids in sorted order, for messages and schemas.
func NameIDs() []string {
	ids := make([]string, 0, len(names))
	for _, n := range names {
		ids = append(ids, n.ID)
	}
	sort.Strings(ids)
	return ids
}

// Coerce fits a parsed quantity to the dimension a name holds: a rate given
// for a day's worth is multiplied out to a day, a percentage becomes a
// fraction, a plain number takes the name's own unit. It refuses what would
// be a guess (a plain number for a size or a duration) and what does not fit.
func (n Name) Coerce(q Quantity) (Quantity, error) {
	out := q
	out.Dim = n.Dim
	switch n.Dim {
	case Count:
		switch {
		case q.Dim == Count:
		case q.Dim == Ratio && !n.PerDay:
		case q.Dim == Rate && n.PerDay:
			out.Value = q.Value * SecondsPerDay
			out.Per = PerDay
		default:
			return Quantity{}, n.mismatch(q)
		}
	case Ratio:
		switch q.Dim {
		case Ratio, Count, Percent:
		default:
			return Quantity{}, n.mismatch(q)
		}
	case Percent:
		switch {
		case q.Dim == Percent:
		case (q.Dim == Ratio || q.Dim == Count) && q.Value <= 1:
		case q.Dim == Count && q.Bare:
			return Quantity{}, fmt.Errorf("%s: write the target as a percentage (%s%%)", n.ID, FormatNumber(q.Value))
		default:
			return Quantity{}, n.mismatch(q)
		}
	case Bytes:
		switch {
		case q.Dim == Bytes:
		case q.Dim == ByteRate && n.PerDay:
			out.Value = q.Value * SecondsPerDay
		case q.Bare:
			return Quantity{}, fmt.Errorf("%s: %s needs a unit (B, KB, MB...)", n.ID, FormatNumber(q.Value))
		default:
			return Quantity{}, n.mismatch(q)
		}
	case Duration:
		switch {
		case q.Dim == Duration:
		case q.Bare && n.BareScale > 0:
			out.Value = q.Value * n.BareScale
		case q.Bare:
			return Quantity{}, fmt.Errorf("%s: %s needs a unit (ms, s, days, years...)", n.ID, FormatNumber(q.Value))
		default:
			return Quantity{}, n.mismatch(q)
		}
	case Rate:
		switch {
		case q.Dim == Rate:
		case q.Bare && n.BareScale > 0:
			out.Value = q.Value * n.BareScale
			out.Per = PerMinute
		case q.Bare || q.Dim == Count:
			// "server capacity: 1000" and "1000 requests" mean per
			// second for a TPS figure.
			out.Per = PerSecond
		default:
			return Quantity{}, n.mismatch(q)
		}
	case ByteRate:
		if q.Dim != ByteRate {
			return Quantity{}, n.mismatch(q)
		}
	}
	out.Bare = false
	return out, nil
}

func (n Name) mismatch(q Quantity) error {
	return fmt.Errorf("%s needs %s, such as %s, but %s is %s", n.ID, dimPhrase[n.Dim], dimExample[n.Dim], Format(q), dimPhrase[q.Dim])
}

var dimPhrase = map[Dim]string{
	Count: "a count", Bytes: "a size", Duration: "a duration", Rate: "a rate",
	ByteRate: "a size per second", Ratio: "a ratio", Percent: "a percentage",
}

var dimExample = map[Dim]string{
	Count: "10M", Bytes: "2 KB", Duration: "5 years", Rate: "500/s",
	ByteRate: "20 MB/s", Ratio: "3x", Percent: "99.9%",
}

// FormatAs prints a value the way the name reads best: TPS for request
// rates, "/day" for a day's worth, "10x" for factors.
func (n Name) FormatAs(q Quantity) string {
	switch {
	case n.TPS && q.Dim == Rate:
		return FormatNumber(q.Value) + " TPS"
	case n.ID == "queue_growth":
		return FormatNumber(q.Value*3600) + "/hour"
	case n.PerDay && q.Dim == Count:
		return FormatNumber(q.Value) + "/day"
	case n.PerDay && q.Dim == Bytes:
		return Format(q) + "/day"
	case n.Factor && (q.Dim == Ratio || q.Dim == Count):
		return FormatNumber(q.Value) + "x"
	}
	return Format(q)
}
