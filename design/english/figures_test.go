package english

import (
	"fmt"
	"testing"
)

// readNames reads a text of an estimates section and returns its figures
// as "name=value" in order.
func readNames(text, label string) []string {
	r := ReadFigures(text, Context{Where: InEstimates, Label: label})
	var out []string
	for _, f := range r.Figures {
		out = append(out, fmt.Sprintf("%s=%g", f.Name, f.Quantity.Value))
	}
	return out
}

func TestReadFiguresPhrasings(t *testing.T) {
	tests := []struct {
		text, label string
		want        []string
	}{
		// a ratio's terms come right after it, else from its clause
		{"We plan for 2 million new posts a month and a 20:1 read:write ratio.", "", []string{"writes_per_day=66666.66666666667", "read_write_ratio=20"}},
		{"Writes outnumber reads 3 to 1.", "", []string{"read_write_ratio=0.3333333333333333"}},
		// a bare scale letter is bytes where the words speak of data
		{"40G", "Memory for the hot set", []string{"cache_memory=4e+10"}},
		{"12k/s", "Outgoing data", []string{"egress_bandwidth=12000"}},
		{"6T", "Storage for 3 years", []string{"storage_total=6e+12", "retention=9.4608e+07"}},
		// ... and a count elsewhere
		{"330K", "Couriers needed", nil},
		// a label's head noun names the figure; an aside with a figure of
		// its own does not
		{"8 TB", "Image blob storage for 1 year (with 40 KB average size)", []string{"storage_total=8e+12", "retention=3.1536e+07"}},
		// a colon before a scaled figure is a relation, not a ratio
		{"20M * 5 : 100M view requests/day", "", []string{"reads_per_day=1e+08"}},
		// a share of users who do something each day
		{"Assume 1/40 post a story", "", []string{"writes_per_user_per_day=0.025"}},
		// a label's head noun says what is counted
		{"30/s", "Story reads", []string{"avg_read_tps=30"}},
		// a line the author broke ends a figure's noun
		{"Users: 40M\nDAU: 4M", "", []string{"users=4e+07", "dau=4e+06"}},
		// a rate in QPS counts requests, with no other word to say so
		{"300 * 8 = 2400 QPS.", "", []string{"avg_tps=2400"}},
		// a singular user as the subject: each one's share
		{"On average, a user opens 6 articles per day", "", []string{"reads_per_user_per_day=6"}},
		{"Typically, customer places 2 orders per day", "", []string{"writes_per_user_per_day=2"}},
		// digits grouped by spaces; a link of a chain is a stated result
		{"5M * 4 = 20M reads per day = 20 000 000 / 86400 = 231 per second", "", []string{"reads_per_day=2e+07"}},
		{"We store 3 100-byte records", "", []string{"write_size=100"}},
		// one size at most in a product: the other "B" counts billions
		{"Storage: 2B * 4 KB = 8 TB", "", []string{"storage_total=8e+12"}},
		// a size labelled as read is the read size
		{"200 KB", "Read size", []string{"read_size=200000"}},
		{"Read size: 500 bytes", "", []string{"read_size=500"}},
		// the size of what is stored is written, whatever it is of
		{"200 KB", "Average stored size per page", []string{"write_size=200000"}},
		// a cache's hit or miss rate is not the share it holds
		{"Each node serves 20k/s at a 100% cache miss rate.", "", []string{"server_capacity_tps=20000"}},
		{"Cache 20% of daily reads", "", []string{"cache_hot_fraction=0.2"}},
		// "we" after a figure starts the system's own clause
		{"If each user performs 10 actions we will handle 1.2 billion requests daily.", "", []string{"requests_per_user_per_day=10", "requests_per_day=1.2e+09"}},
		// the link a chain goes on from is a stated result
		{"50M * 0.1 = 5M new posts a day * 2 KB = 10 GB new data per day.", "", []string{"writes_per_day=5e+06", "storage_per_day=1e+10"}},
		// "out" after bandwidth is egress
		{"Bandwidth out: 2.3k req/s × 50 KB ≈ 115 MB/s", "", []string{"egress_bandwidth=1.15e+08"}},
		// one node's share is not the fleet
		{"1.5M open sockets; at 50,000 per gateway node that is 30 nodes.", "", []string{"servers=30"}},
		// the fleet a calculation comes to
		{"1200 + 1200 / 150 = 2400/150 = 16 Servers", "", []string{"servers=16"}},
		{"4M / 200k = 20 shards", "Shards needed", []string{"servers=20"}},
		// a new clause brings its own subject
		{"Each user makes 25 requests a day, so we handle 600 million requests a day.", "", []string{"requests_per_user_per_day=25", "requests_per_day=6e+08"}},
		// users at one time are not the user base
		{"~2M", "Active users (hourly)", nil},
		{"We expect 300k concurrent users at peak", "", nil},
		// one node's share of memory is not the cache's size
		{"10M × 40B / 8 shards = 50 MB/shard", "Memory per shard", nil},
		{"10M × 40B = 400 MB", "Total memory", []string{"cache_memory=4e+08"}},
		// the most a load reaches is its peak
		{"48 MB/s", "Maximum incoming data", []string{"peak_ingress_bandwidth=4.8e+07"}},
		// a ratio set aside in brackets is read, not an operand
		{"1 checkout → 20 page views (20:1 read-to-write ratio)", "", []string{"read_write_ratio=20"}},
		// a sub-label before a calculation leaves the figures before it alone
		{"Reads: with a 5:1 read to write ratio, reads per second: 200 * 5 = 1,000", "", []string{"read_write_ratio=5"}},
	}
	for _, tt := range tests {
		got := readNames(tt.text, tt.label)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("ReadFigures(%q, label %q) = %v, want %v", tt.text, tt.label, got, tt.want)
		}
	}
}
