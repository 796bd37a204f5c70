package english
import ("testing";"fmt";"strings";"github.com/designlint/designlint/estimate")
func TestDbg(t *testing.T){ 
 for _, s := range strings.Split("Thumbnails are generated asynchronously and may appear up to a minute late (eventual consistency)|10M daily active users|Consistency: a user's file tree is the same on every device once sync settles.", "|") {
  x := Lex(s)
  fmt.Printf("%-45q", s)
  for _, a := range x.Amounts(estimate.DefaultCalendar) { fmt.Printf(" [%v %v %q words=%v]", a.Dim, a.Value, x.Between(a.First,a.Last), a.Words) }
  fmt.Println()
 }}
func TestDbg2(t *testing.T){ 
 for _, s := range strings.Split("Thumbnails are generated asynchronously and may appear up to a minute late (eventual consistency)|10M daily active users|Consistency: a user's file tree is the same on every device once sync settles.", "|") {
  fmt.Printf("%+v\n", ReadRequirement(s, estimate.DefaultCalendar)) }}
