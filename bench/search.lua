-- bench/search.sh: each request the next of 20 typical reader queries (URL-encoded), in turn.
local queries = {
  "Goldpreis", "Goldpreise", "Zentralbanken", "Silber", "Inflation", "Kr%C3%BCgerrand", "Stra%C3%9Fe",
  "Goldpreis+Zentralbank", "Platin", "Palladium", "M%C3%BCnzen", "Barren", "Zinsen", "Dollar",
  "Bundesbank", "Feinunze", "Tresor", "Maple+Leaf", "Gold", "Quarzuhr",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/suche?q=" .. queries[(i % #queries) + 1])
end
