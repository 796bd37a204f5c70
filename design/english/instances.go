package english

import (
	"strings"
)

// Instances is what a component's description says about how many copies
// of it run and where: Replicas counts the interchangeable copies that can
// serve a request or hold a piece of state (0: not said), Regions the
// distinct regions or distant sites (0: not said).
type Instances struct {
	Replicas, Regions int
	// ZonesOnly is set when the one region is known only from zones: the
	// copies run in several zones (or named zones) of a region, and the
	// text does not say the design stops at that region.
	ZonesOnly bool
	// Start and End are the byte span of the words that say how many
	// copies run, when they do.
	Start, End int
}

// instanceNouns are what a count of running copies counts.
var instanceNouns = map[string]bool{
	"node": true, "nodes": true, "instance": true, "instances": true, "pod": true, "pods": true,
	"box": true, "boxes": true, "vm": true, "vms": true, "server": true, "servers": true,
	"broker": true, "brokers": true, "member": true, "members": true, "machine": true, "machines": true,
	"host": true, "hosts": true, "process": true, "processes": true, "worker": true, "workers": true,
	"container": true, "containers": true, "replica": true, "replicas": true, "copy": true, "copies": true,
	"voter": true, "voters": true, "agent": true, "agents": true, "task": true, "tasks": true, "cluster": true,
	"shard": true, "shards": true, "daemon": true, "daemons": true, "peer": true, "peers": true,
}

// Role nouns of replicated stores: the one that takes writes, and the
// copies that follow it. Members that hold no data do not count.
var (
	leadRoles   = map[string]bool{"primary": true, "leader": true, "master": true, "writer": true, "active": true, "main": true}
	followRoles = map[string]bool{
		"standby": true, "standbys": true, "follower": true, "followers": true, "replica": true, "replicas": true,
		"secondary": true, "secondaries": true, "reader": true, "readers": true, "spare": true, "spares": true,
		"passive": true, "slave": true, "slaves": true, "standbies": true,
	}
	noDataRoles = map[string]bool{"arbiter": true, "arbiters": true, "sentinel": true, "sentinels": true, "witness": true, "witnesses": true}
)

// ReadInstances reads how many copies of a component run and in how many
// regions, from its description: "3-node etcd cluster", "primary with two
// read replicas", "replication factor 3", "one instance per shard, 16
// shards", "2–20 pods", "deployed to us-east-1 and eu-west-1".
func ReadInstances(text string) Instances {
	t := Lex(text)
	defer t.settle()
	r := instanceReader{t: t}
	return r.read()
}

type instanceReader struct {
	t *Text
	// what the text says, gathered clause by clause
	rf, cluster, single                 int
	leads, follows                      int
	leadSeen, followSeen, readReplica   bool
	perShard                            int // replicas each shard has, "1 replica each"
	sharded, noReplication              bool
	perUnit, units                      int // "4 pods each" over "three regions"
	regionCount, azCount                int
	regionNames                         map[string]bool
	start, end                          int
	anyCount                            bool
	cityNames                           map[string]bool
	autoscaleMin                        int
	oneRegion                           bool
	unitsAreRegions, unitsAreZonesCount int
	multiRegion, impliesLead            bool
	regionNamed                         bool
	// perPlace is the place perUnit counts copies in ("az", "region");
	// zonesPerRegion is set when zones are counted in each region ("2
	// regions × 3 AZs").
	perPlace       string
	zonesPerRegion bool
}

// placeAt returns the kind of place token i names: "az" or "region".
func (r *instanceReader) placeAt(i int) string {
	switch r.t.Low(i) {
	case "az", "azs", "zone", "zones":
		return "az"
	case "region", "regions", "dc", "dcs", "datacenter", "datacentre":
		return "region"
	}
	return ""
}

func (r *instanceReader) mark(i, j int) {
	t := r.t
	if i < 0 || j <= i || j > len(t.Tokens) {
		return
	}
	s, e := t.Tokens[i].Start, t.Tokens[j-1].End
	if !r.anyCount || s < r.start {
		r.start = s
	}
	if e > r.end {
		r.end = e
	}
	r.anyCount = true
}

func (r *instanceReader) read() Instances {
	t := r.t
	r.regionNames = map[string]bool{}
	r.cityNames = map[string]bool{}
	r.regionsIn(t.Src)
	for _, cl := range clauses(t) {
		if r.planned(cl[0], cl[1]) {
			continue
		}
		r.clause(cl[0], cl[1])
	}
	out := Instances{}
	switch {
	case r.rf > 0:
		out.Replicas = r.rf
	case r.perShard > 0:
		out.Replicas = 1 + r.perShard
	case r.noReplication || r.sharded && r.cluster > 0 && r.leads+r.follows == 0:
		out.Replicas = 1
	case r.leadSeen || r.followSeen:
		n := r.leads + r.follows
		if r.impliesLead && !r.leadSeen {
			// "two read replicas", "replicated to a standby": the
			// primary they follow runs too.
			n++
		}
		if r.cluster > n && !r.readReplica {
			n = r.cluster
		}
		out.Replicas = n
	case r.autoscaleMin > 0:
		out.Replicas = r.autoscaleMin
	case r.cluster > 0:
		out.Replicas = r.cluster
	case r.single > 0:
		out.Replicas = 1
	}
	if r.perUnit > 0 && r.units == 0 {
		switch {
		case r.perPlace == "az" && r.azCount > 0:
			r.units = r.azCount
			if r.zonesPerRegion && r.regionCount > 1 {
				r.units *= r.regionCount
			}
		case r.perPlace == "region" && r.regionCount > 0:
			r.units = r.regionCount
		}
	}
	if r.perUnit > 0 && r.units > 0 && out.Replicas <= r.perUnit {
		// "4 pods each" in "three regions"; "a three-node cluster in
		// each of two regions"
		out.Replicas = r.perUnit * r.units
	}
	// Regions.
	switch {
	case len(r.regionNames) > 0 || len(r.cityNames) > 0:
		out.Regions = len(r.regionNames) + len(r.cityNames)
		if r.regionCount > out.Regions {
			out.Regions = r.regionCount
		}
		out.ZonesOnly = out.Regions == 1 && !r.oneRegion && len(r.cityNames) == 0 && !r.regionNamed
	case r.regionCount > 0:
		out.Regions = r.regionCount
	case r.oneRegion || r.azCount > 0:
		out.Regions = 1
		out.ZonesOnly = !r.oneRegion
	case r.multiRegion:
		// "multi-region", "geo-replicated": at least two
		out.Regions = 2
	}
	if out.Replicas > 0 {
		out.Start, out.End = r.start, r.end
	}
	return out
}

// clauses splits a text into clauses at sentence ends, semicolons and
// commas that separate facts ("Cassandra, 12 nodes, RF 3").
func clauses(t *Text) [][2]int {
	var out [][2]int
	start := 0
	for i := range t.Tokens {
		t.steps++
		if t.Tokens[i].Kind != Symbol {
			continue
		}
		switch t.Str(i) {
		case ";", ".":
			if t.Str(i) == "." && i+1 < len(t.Tokens) && !t.Tokens[i+1].Space {
				continue
			}
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	if start < len(t.Tokens) {
		out = append(out, [2]int{start, len(t.Tokens)})
	}
	return out
}

// planned reports a clause about the future or about copies that do not
// serve: "we'll add a replica in Q3", "a nightly snapshot lets us rebuild
// it".
func (r *instanceReader) planned(from, to int) bool {
	t := r.t
	for i := from; i < to; i++ {
		l := t.Low(i)
		if strings.HasSuffix(l, "'ll") || strings.HasSuffix(l, "’ll") {
			return true
		}
		switch l {
		case "will", "ll", "later", "planned", "plan", "future":
			return true
		case "eventually":
			// "eventually we add a replica", not "eventually
			// consistent"
			if !t.Is(i+1, "consistent") && !t.Is(i+1, "consistency") {
				return true
			}
		}
	}
	return false
}

// backupBetween reports a word of backups between tokens j and i: "2
// backup copies" are not running copies.
func (r *instanceReader) backupBetween(j, i int) bool {
	for k := j + 1; k < i; k++ {
		switch r.t.Low(k) {
		case "backup", "backups", "snapshot", "snapshots", "offsite", "archive", "archived", "cold":
			return true
		}
	}
	return false
}

// count reads a count at token i: digits, a number word, "a"/"an"
// before a role, "single".
func (r *instanceReader) count(i int) (int, bool) {
	t := r.t
	if i < 0 || i >= len(t.Tokens) {
		return 0, false
	}
	if t.IsNumber(i) && t.Tokens[i].Flags&(Glued|Version) == 0 {
		v := t.Tokens[i].Val
		if v >= 1 && v < 100000 && v == float64(int(v)) {
			return int(v), true
		}
		return 0, false
	}
	l := t.Low(i)
	if n, ok := numberWords[l]; ok && n >= 1 && n < 100 {
		return int(n), true
	}
	switch l {
	case "a", "an", "single":
		return 1, true
	}
	return 0, false
}

// prevCount reads a count just before token i, skipping adjectives
// ("two read replicas", "a hot standby", "1 sync replica").
func (r *instanceReader) prevCount(i int) (int, int, bool) {
	t := r.t
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if n, ok := r.count(j); ok {
			return n, j, true
		}
		if t.Tokens[j].Kind == Symbol && t.Str(j) != "-" {
			return 0, 0, false
		}
		switch l := t.Low(j); {
		case l == "in" && t.Is(j+1, "-"):
			// "2 in-sync replicas"
		case l == "and" || l == "plus" || l == "with" || l == "or" || l == "to" || l == "in" || l == "of" || l == "per" || l == "each":
			return 0, 0, false
		case instanceNouns[l] || leadRoles[l] || followRoles[l]:
			// the count belongs to that noun: "a flusher process
			// copies"
			return 0, 0, false
		}
	}
	return 0, 0, false
}

func (r *instanceReader) clause(from, to int) {
	t := r.t
	for i := from; i < to; i++ {
		l := t.Low(i)
		switch {
		case l == "replication" && t.Is(i+1, "factor"):
			if n, ok := r.afterLabel(i+2, to); ok {
				r.rf = n
				r.mark(i, i+3)
			}
		case l == "rf":
			if n, ok := r.afterLabel(i+1, to); ok {
				r.rf = n
				r.mark(i, i+2)
			}
		case l == "n" && t.Str(i) == "N" && t.Is(i+1, "=") && t.IsNumber(i+2):
			// "N=3, W=2, R=2"
			r.rf = int(t.Tokens[i+2].Val)
			r.mark(i, i+3)
		case (l == "replicated" || l == "replicate") && t.IsNumber(i+1) && t.Is(i+2, "times"):
			r.rf = int(t.Tokens[i+1].Val)
			r.mark(i, i+3)
		case l == "way" && i >= 2 && t.Is(i-1, "-"):
			// "three-way replication"
			if n, ok := r.count(i - 2); ok && (t.Is(i+1, "replication") || t.Is(i+1, "replicated")) {
				r.rf = n
				r.mark(i-2, i+2)
			}
		case l == "copies" || l == "copy":
			if n, j, ok := r.prevCount(i); ok && !r.backupBetween(j, i) {
				r.rf = n
				r.mark(i-1, i+1)
			}
		case (l == "az" || l == "azs" || l == "zones" || l == "zone") || l == "availability" && t.Is(i+1, "zones"):
			n, j, ok := r.prevCount(i)
			if ok {
				r.azCount = n
				if t.Is(j-1, "×") || t.Is(j-1, "x") || t.Is(j-1, "*") {
					r.zonesPerRegion = true
				}
				if r.replicatedAcross(from, j) {
					// "replicated across 3 AZs": a copy in each
					r.rf = n
					r.mark(j, i+1)
				}
				if r.perUnitBefore(from, j) {
					r.units = max(r.units, 1) * n
				}
			} else {
				r.azCount = max(r.azCount, 1)
			}
		case l == "regions" || l == "region" || l == "dcs" || l == "datacenters" || l == "datacentres" ||
			(l == "centres" || l == "centers") && t.Is(i-1, "data"):
			j := i
			if l == "centres" || l == "centers" {
				j = i - 1
			}
			if n, k, ok := r.prevCount(j); ok {
				if !t.Is(k, "a") && !t.Is(k, "an") || n > 1 {
					r.regionCount = max(r.regionCount, n)
				}
				if n == 1 && !t.Is(k, "a") && !t.Is(k, "an") {
					// "a single region"; "within a region" places
					// nothing
					r.oneRegion = true
				}
				if t.Is(k-1, "of") && t.Is(k-2, "each") || r.perUnitBefore(from, k) {
					r.units = max(r.units, 1) * n
				} else if r.replicatedAcross(from, k) {
					r.rf = n
					r.mark(k, i+1)
				} else if r.perUnit == 0 {
					// "Deployed to three regions …, 4 pods each"
					r.unitsAreRegions = n
				}
			} else if t.Is(i-1, "single") || t.Is(i-1, "one") {
				r.oneRegion = true
			} else if t.Is(i-1, "each") || t.Is(i-1, "every") || t.Is(i-1, "per") {
				// "RF 3 in each region": there are several
				r.multiRegion = true
			}
		case (l == "replicas" || l == "instances" || l == "nodes" || l == "pods" || l == "servers") && (t.Is(i+1, ":") || t.Is(i+1, "=")):
			// "Replicas: 3", "`replicas: 6`"; "min.insync.replicas=2"
			// is a setting of something else
			if t.Is(i-1, ".") && !t.Tokens[i-1].Space {
				continue
			}
			if n, ok := r.count(i + 2); ok {
				r.cluster = n
				r.mark(i, i+3)
			}
		case leadRoles[l] || followRoles[l] || noDataRoles[l]:
			r.role(i, l, from, to)
		case l == "no" || l == "without":
			switch t.Low(i + 1) {
			case "replicas", "replica", "standby", "replication", "standbys", "failover", "redundancy":
				r.noReplication = true
				r.mark(i, i+2)
			}
		case l == "single" || l == "one" || l == "sole" || l == "lone":
			if j := r.nounAfter(i+1, to); j > 0 {
				if t.Is(j, "shard") {
					continue
				}
				if l != "one" || !t.Is(j+1, "per") {
					r.single++
					r.mark(i, j+1)
				}
			}
		case (l == "multi" || l == "cross") && t.Is(i+1, "-") && (t.Is(i+2, "region") || t.Is(i+2, "regional")),
			l == "multiregion" || l == "geo" && t.Is(i+1, "-") && strings.HasPrefix(t.Low(i+2), "replicat"),
			l == "globally" && t.Is(i+1, "distributed"):
			r.multiRegion = true
		case l == "regional" && !t.Is(i-1, "-"):
			// "a regional instance" lives in one region
			r.oneRegion = true
		case l == "per" && r.placeAt(i+1) != "":
			// "one per AZ", "2 pods per AZ"
			if n, ok := r.count(i - 1); ok {
				r.perUnit = n
				r.perPlace = r.placeAt(i + 1)
				r.mark(i-1, i+2)
			} else if instanceNouns[t.Low(i-1)] {
				if n, ok := r.count(i - 2); ok {
					r.perUnit = n
					r.perPlace = r.placeAt(i + 1)
				}
			}
		case l == "pair" || l == "twin":
			r.cluster = max(r.cluster, 2)
			r.mark(i, i+1)
		case l == "everything" && t.Is(i-1, "of"):
			if n, _, ok := r.prevCount(i - 1); ok {
				r.cluster = max(r.cluster, n)
				r.mark(i-2, i+1)
			}
		case l == "per" && t.Is(i+1, "shard") || l == "each" && r.replicaBefore(i, from):
			// "one replica per shard", "each with 1 replica", "1
			// replica each"
		case l == "shards" || l == "shard" || l == "partitions":
			r.sharded = true
		case l == "hashing" || l == "sharded" || l == "partitioned":
			r.sharded = true
		case l == "ha" || l == "high" && t.Is(i+1, "availability"):
			if t.Is(i+1, "enabled") || t.Is(i+2, "enabled") {
				r.cluster = max(r.cluster, 2)
				r.mark(i, i+2)
			}
		case l == "min" || l == "minimum":
			if n, ok := r.afterLabel(i+1, to); ok && r.autoscaleContext(from, to) {
				r.autoscaleMin = n
				r.mark(i, i+2)
			}
		case l == "count" && t.Is(i-1, "desired"):
			if n, ok := r.afterLabel(i+1, to); ok {
				r.cluster = n
				r.mark(i-1, i+2)
			}
		case l == "ensemble" || l == "group" || l == "set" || l == "quorum":
			// "ensemble of 5", "Raft group of 5 voters", "a replica set of
			// three"
			if t.Is(i+1, "of") {
				if n, ok := r.count(i + 2); ok {
					r.cluster = max(r.cluster, n)
					r.mark(i, i+3)
				}
			}
		case instanceNouns[l]:
			r.noun(i, l, from, to)
		}
		if t.IsNumber(i) || r.isCountWord(i) {
			r.numberBefore(i, from, to)
		}
	}
}

// isCountWord reports a spelled-out count.
func (r *instanceReader) isCountWord(i int) bool {
	n, ok := numberWords[r.t.Low(i)]
	return ok && n >= 2
}

// numberBefore handles a count followed by its noun a few words on: "3
// master-eligible nodes", "a 3-node cluster", "2–20 pods".
func (r *instanceReader) numberBefore(i, from, to int) {
	t := r.t
	n, ok := r.count(i)
	if !ok {
		return
	}
	j := i + 1
	// "3-node", "three-node"
	if t.Is(j, "-") && !t.Tokens[j].Space && (t.Is(j+1, "node") || t.Is(j+1, "member") || t.Is(j+1, "broker") || t.Is(j+1, "instance")) {
		r.cluster = max(r.cluster, n)
		r.mark(i, j+2)
		for k := j + 2; k < to && k < j+6; k++ {
			if t.Is(k, "in") && t.Is(k+1, "each") && t.Is(k+2, "of") {
				// "a three-node cluster in each of two regions"
				r.perUnit = n
				break
			}
		}
		return
	}
	// "2–20 pods", "between 2 and 20 pods", "4–12 c6g.large instances"
	if (t.Is(j, "-") || t.Is(j, "–") || t.Is(j, "to") || t.Is(j, "and") && t.Is(i-1, "between")) && r.countAt(j+1) > n {
		k := j + 2
		for k < to && k < j+6 && !instanceNouns[t.Low(k)] {
			k++
		}
		if k < to && instanceNouns[t.Low(k)] && !t.Is(k, "shards") {
			r.autoscaleMin = n
			r.mark(i, k+1)
		}
	}
	// "ensemble of 5" handled by its noun
}

func (r *instanceReader) countAt(i int) int {
	n, _ := r.count(i)
	return n
}

// noun handles a count of instances: "12 nodes", "5 server agents", "4
// pods each", "one instance per shard, 16 shards", "`replicas: 6`".
func (r *instanceReader) noun(i int, l string, from, to int) {
	t := r.t
	n, j, ok := r.prevCount(i)
	if !ok || t.Is(j, "a") || t.Is(j, "an") {
		// "a worker" names a thing; it does not count copies
		return
	}
	if l == "shard" || l == "shards" {
		r.sharded = true
		return
	}
	if t.Is(j-1, "of") && t.Is(j-2, "each") {
		return
	}
	// "4 pods each", "2 pods per AZ", "one per AZ"
	if t.Is(i+1, "each") || t.Is(i+1, "per") && (t.Is(i+2, "az") || t.Is(i+2, "region") || t.Is(i+2, "zone") || t.Is(i+2, "dc")) {
		r.perUnit = n
		if t.Is(i+1, "per") {
			r.perPlace = r.placeAt(i + 2)
		} else if r.unitsAreRegions > 0 && r.units == 0 {
			r.units = r.unitsAreRegions
		}
		r.mark(j, i+1)
		return
	}
	if t.Is(i+1, "per") && t.Is(i+2, "shard") {
		// one instance per shard: each shard has one copy
		if l == "replica" || l == "replicas" {
			r.perShard = n
		} else {
			r.noReplication = r.noReplication || n == 1
		}
		r.mark(j, i+3)
		return
	}
	if l == "replica" || l == "replicas" {
		// handled as a role
		return
	}
	if r.masterOnly(j, i) {
		return
	}
	if r.cluster == 0 || n > r.cluster && !r.anyCountAfter(j, from) {
		r.cluster = n
		r.mark(j, i+1)
	}
	if t.Is(i+1, "in") && t.Is(i+2, "each") && t.Is(i+3, "of") {
		r.perUnit = n
	}
}

// anyCountAfter reports a count already taken from earlier in the clause
// (the first count of instances wins: "5 nodes where 3 carry the load").
func (r *instanceReader) anyCountAfter(j, from int) bool { return r.cluster > 0 }

// masterOnly reports nodes that hold no data: "3 master-eligible nodes".
func (r *instanceReader) masterOnly(j, i int) bool {
	t := r.t
	for k := j + 1; k < i; k++ {
		if t.Is(k, "master") || t.Is(k, "eligible") || t.Is(k, "coordinator") || t.Is(k, "arbiter") {
			return true
		}
	}
	return false
}

// role counts the lead and follower copies: "leader and 1 hot standby",
// "two read replicas", "1 master, 2 replicas, 3 sentinels".
func (r *instanceReader) role(i int, l string, from, to int) {
	t := r.t
	if noDataRoles[l] {
		return
	}
	if l == "replica" && t.Is(i+1, "set") {
		// "a replica set" names the group, not a member
		return
	}
	if followRoles[l] && t.Is(i-1, "-") && t.Is(i-2, "active") {
		// "active-passive", counted at "active"
		return
	}
	if t.Is(i+1, "-") && (t.Is(i+2, "eligible")) {
		return
	}
	n, j, ok := r.prevCount(i)
	if !ok {
		n, j = 1, i
	}
	if l == "primary" && (t.Is(i+1, "shards") || t.Is(i+1, "shard")) {
		// "5 primary shards with 1 replica each": shards
		r.sharded = true
		return
	}
	if l == "active" && (t.Is(i+1, "-") || t.Is(i+1, "active")) {
		// "active-active", "active-passive pair"
		if t.Is(i+2, "passive") || t.Is(i+2, "standby") {
			r.leads, r.follows = 1, 1
			r.leadSeen, r.followSeen = true, true
			r.mark(i, i+3)
		}
		return
	}
	if (l == "main" || l == "active") && !r.instanceNear(i) {
		return
	}
	if leadRoles[l] {
		if r.leadSeen {
			return
		}
		r.leads += n
		r.leadSeen = true
		r.mark(j, i+1)
		return
	}
	// followers: "each with 1 replica", "1 replica each", "one replica per
	// shard"
	if t.Is(i+1, "each") || t.Is(i+1, "per") && t.Is(i+2, "shard") || t.Is(j-1, "with") && t.Is(j-2, "each") {
		r.perShard = n
		r.mark(j, i+1)
		return
	}
	if t.Is(i-1, "read") || t.Is(i-2, "read") {
		r.readReplica = true
	}
	if r.readReplica || l != "replica" && l != "replicas" || t.Is(j-1, "a") || t.Is(j, "a") {
		// a standby, a follower, a read replica or "a replica" follows
		// a copy that leads; "3 replicas" counts every copy
		r.impliesLead = true
	}
	r.follows += n
	r.followSeen = true
	r.mark(j, i+1)
}

// instanceNear reports a word of running copies next to a role word that
// is also an everyday word ("one active node").
func (r *instanceReader) instanceNear(i int) bool {
	t := r.t
	return instanceNouns[t.Low(i+1)] || t.Is(i+1, "and") || t.Is(i+1, "plus") || t.Is(i+1, ",")
}

// replicaBefore reports a replica word just before token i.
func (r *instanceReader) replicaBefore(i, from int) bool {
	return i > from && (r.t.Is(i-1, "replica") || r.t.Is(i-1, "replicas"))
}

// afterLabel reads the count after a label: "RF 3", "RF=3", "replication
// factor: 5", "min 3".
func (r *instanceReader) afterLabel(i, to int) (int, bool) {
	t := r.t
	for k := i; k < to && k < i+3; k++ {
		if t.Is(k, "=") || t.Is(k, ":") || t.Is(k, "of") || t.Is(k, "is") {
			continue
		}
		return r.count(k)
	}
	return 0, false
}

// replicatedAcross reports "replicated across", "spread over", "in at
// least" before a count of places: one copy in each.
func (r *instanceReader) replicatedAcross(from, j int) bool {
	t := r.t
	saw := false
	for k := j - 1; k >= from && k >= j-6; k-- {
		switch t.Low(k) {
		case "replicated", "replicate", "replicates", "copies", "copy", "keeps", "stored", "mirrored":
			saw = true
		case "across", "over", "in", "to", "least", "at":
		default:
			if saw {
				return true
			}
		}
	}
	return saw
}

// perUnitBefore reports "one per" or "in each of" before a count of
// places.
func (r *instanceReader) perUnitBefore(from, j int) bool {
	t := r.t
	return j >= from+2 && t.Is(j-1, "of") && t.Is(j-2, "each")
}

// autoscaleContext reports words of autoscaling in the clause.
func (r *instanceReader) autoscaleContext(from, to int) bool {
	t := r.t
	for k := max(0, from-8); k < to; k++ {
		switch t.Low(k) {
		case "hpa", "autoscaled", "autoscaling", "autoscale", "scaling", "max", "maximum":
			return true
		}
	}
	return false
}

// nounAfter returns the index of an instance noun right after token i
// (adjectives and a technology allowed between), or -1.
func (r *instanceReader) nounAfter(i, to int) int {
	t := r.t
	for k := i; k < to && k < i+4; k++ {
		if t.Is(k, "-") {
			continue
		}
		if instanceNouns[t.Low(k)] || leadRoles[t.Low(k)] {
			return k
		}
		if t.Tokens[k].Kind != Word {
			return -1
		}
	}
	return -1
}

// regionsIn finds region names (us-east-1, europe-west1) and the cities
// of data centres in a text.
func (r *instanceReader) regionsIn(s string) {
	l := strings.ToLower(s)
	for i := 0; i < len(l); i++ {
		if i > 0 && isLetter(l[i-1]) {
			continue
		}
		if name, n := regionName(l[i:]); n > 0 {
			r.regionNames[name] = true
			if n == len(name) {
				// a region, not one of its zones
				r.regionNamed = true
			}
			i += n - 1
		}
	}
	for _, c := range dataCentreCities {
		if hasWord(l, c) {
			r.cityNames[c] = true
		}
	}
}

// regionName reads a cloud region or zone name at the start of s
// ("us-east-1", "us-east-1a", "europe-west1-b") and returns the region.
func regionName(s string) (string, int) {
	prefixes := []string{"us-", "eu-", "ap-", "sa-", "ca-", "me-", "af-", "il-", "mx-", "europe-", "asia-", "australia-", "northamerica-", "southamerica-", "us-gov-"}
	for _, p := range prefixes {
		if !strings.HasPrefix(s, p) {
			continue
		}
		j := len(p)
		k := j
		for k < len(s) && isLetter(s[k]) {
			k++
		}
		dir := s[j:k]
		switch dir {
		case "east", "west", "north", "south", "central", "northeast", "northwest", "southeast", "southwest":
		default:
			return "", 0
		}
		if k < len(s) && s[k] == '-' {
			k++
		}
		d := k
		for d < len(s) && isDigit(s[d]) {
			d++
		}
		if d == k {
			return "", 0
		}
		region := s[:d]
		// a zone letter: "us-east-1a", "europe-west1-b"
		e := d
		if e < len(s) && s[e] == '-' && e+1 < len(s) && isLetter(s[e+1]) && (e+2 >= len(s) || !isLetter(s[e+2])) {
			e += 2
		} else if e < len(s) && isLetter(s[e]) && (e+1 >= len(s) || !isLetter(s[e+1])) {
			e++
		}
		return region, e
	}
	return "", 0
}

// dataCentreCities are cities cloud regions are named after.
var dataCentreCities = []string{
	"frankfurt", "dublin", "amsterdam", "london", "paris", "tokyo", "singapore", "sydney", "mumbai", "ireland",
	"virginia", "oregon", "ohio", "stockholm", "milan", "seoul", "osaka", "montreal", "toronto", "são paulo",
	"sao paulo", "hong kong", "jakarta", "bahrain", "cape town", "zurich", "madrid", "warsaw", "iowa",
	"california", "new york", "chicago", "dallas", "atlanta", "seattle", "berlin", "helsinki", "oslo",
}

func hasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		e := j + len(w)
		if (j == 0 || !isLetter(s[j-1])) && (e == len(s) || !isLetter(s[e])) {
			return true
		}
		i = j + 1
	}
}
