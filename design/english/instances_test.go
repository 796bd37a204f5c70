package english

import "testing"

func TestReadInstances(t *testing.T) {
	tests := []struct {
		text              string
		replicas, regions int
	}{
		// counts of running copies
		{"Runs 3 replicas behind the load balancer.", 3, 0},
		{"A 5-node cluster.", 5, 0},
		{"Four worker processes drain the queue.", 4, 0},
		{"Web tier: 8 pods.", 8, 0},
		{"instances: 4", 4, 0},
		// roles of a replicated store
		{"A primary with 2 read replicas.", 3, 0},
		{"Leader with two followers.", 3, 0},
		{"Writer and one reader.", 2, 0},
		{"MongoDB: primary, secondary and an arbiter.", 2, 0},
		{"One leader, 4 followers.", 5, 0},
		// replication stated as a factor or a count of copies
		{"Replication factor of 3.", 3, 0},
		{"RF=3 on 20 nodes.", 3, 0},
		{"Keeps 2 copies of each chunk.", 2, 0},
		{"Five-way replication.", 5, 0},
		{"Replication factor 3, eventually consistent for readers.", 3, 0},
		{"The broker keeps 3 in-sync replicas of every partition.", 3, 0},
		{"Replicated across 3 zones.", 3, 1},
		// one copy
		{"A single instance.", 1, 0},
		{"Runs on one node.", 1, 0},
		{"No replication: a lost node loses its keys.", 1, 0},
		{"One instance per partition, 32 partitions.", 1, 0},
		{"A lone VM for now; a second one is planned.", 1, 0},
		// autoscaling: the floor runs
		{"Scales from 3 to 40 pods on CPU.", 3, 0},
		{"HPA minimum 2, maximum 10.", 2, 0},
		// per place
		{"Two pods in each of three regions.", 6, 3},
		{"Deployed to two regions, 5 pods each.", 10, 2},
		// regions
		{"Runs in eu-west-1 and ap-south-1.", 0, 2},
		{"Deployed in a single region.", 0, 1},
		{"Runs in 3 regions.", 0, 3},
		{"Multi-region, active-active.", 0, 2},
		{"Primary in Oregon, standby in Ohio.", 2, 2},
		{"Primary in us-east-2a with a replica in us-east-2c.", 2, 1},
		// no count
		{"Multi-AZ deployment.", 0, 1},
		{"Horizontally scaled behind the gateway.", 0, 0},
		{"Stores orders.", 0, 0},
		{"p99 under 200 ms.", 0, 0},
		{"A concurrency limit of 500.", 0, 0},
		{"min.insync.replicas=2 on every topic.", 0, 0},
		// words that look like counts and are not
		{"A compactor process copies segments to cold storage. Leader and one follower.", 2, 0},
		{"Runs on a single VM with hourly snapshots; the API reads it directly.", 1, 0},
		{"Keeps 3 backup copies offsite.", 0, 0},
		{"Quorum reads within a region.", 0, 0},
		{"RF 3 in each region; cross-region replication is asynchronous.", 3, 2},
	}
	for _, tt := range tests {
		got := ReadInstances(tt.text)
		if got.Replicas != tt.replicas || got.Regions != tt.regions {
			t.Errorf("ReadInstances(%q) = %d replicas, %d regions; want %d, %d", tt.text, got.Replicas, got.Regions, tt.replicas, tt.regions)
		}
	}
}

// Zones place copies in one region without saying the design stops there.
func TestReadInstancesZones(t *testing.T) {
	tests := []struct {
		text      string
		zonesOnly bool
	}{
		{"Spread over 3 AZs.", true},
		{"Primary in eu-west-1a, standby in eu-west-1b.", true},
		{"Single region, three zones.", false},
		{"Everything runs in eu-west-1.", false},
	}
	for _, tt := range tests {
		got := ReadInstances(tt.text)
		if got.Regions != 1 || got.ZonesOnly != tt.zonesOnly {
			t.Errorf("ReadInstances(%q): %d regions, zones only %v; want 1, %v", tt.text, got.Regions, got.ZonesOnly, tt.zonesOnly)
		}
	}
}

// The words that give a count are marked, to point a finding at them.
func TestReadInstancesSpan(t *testing.T) {
	text := "Orders DB: Postgres, a primary with 2 read replicas."
	got := ReadInstances(text)
	if s := text[got.Start:got.End]; s != "primary with 2 read replicas" && s != "a primary with 2 read replicas" {
		t.Errorf("span = %q", s)
	}
}
