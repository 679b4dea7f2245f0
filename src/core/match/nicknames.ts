// Diminutives and short forms → the full given names they stand for. Data only; both sides are
// folded through the same Latin skeleton before use, so Cyrillic and any transliteration meet.
// A nickname may stand for several names (Sasha: Aleksandr or Aleksandra).
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  // English
  bob: ['robert'], rob: ['robert'], robbie: ['robert'], bobby: ['robert'], bert: ['robert', 'albert', 'herbert'],
  bill: ['william'], will: ['william'], willy: ['william'], billy: ['william'], liam: ['william'],
  jim: ['james'], jimmy: ['james'], jamie: ['james'], mike: ['michael'], mick: ['michael'], mikey: ['michael'],
  dick: ['richard'], rick: ['richard'], rich: ['richard'], ricky: ['richard'], tom: ['thomas'], tommy: ['thomas'],
  dave: ['david'], davy: ['david'], dan: ['daniel'], danny: ['daniel'], joe: ['joseph'], joey: ['joseph'],
  jon: ['jonathan', 'john'], johnny: ['john'], jack: ['john'], chris: ['christopher', 'christina', 'christine'],
  matt: ['matthew'], andy: ['andrew'], drew: ['andrew'], tony: ['anthony'], steve: ['steven', 'stephen'],
  ed: ['edward', 'edwin'], eddie: ['edward'], ted: ['edward', 'theodore'], ben: ['benjamin'], sam: ['samuel', 'samantha'],
  alex: ['alexander', 'alexandra', 'aleksei'], nick: ['nicholas'], pat: ['patrick', 'patricia'], pete: ['peter'],
  greg: ['gregory'], jeff: ['jeffrey'], ken: ['kenneth'], larry: ['lawrence'], charlie: ['charles'], chuck: ['charles'],
  fred: ['frederick'], frank: ['francis', 'franklin'], hank: ['henry'], harry: ['henry', 'harold'], jerry: ['gerald', 'jerome'],
  kate: ['katherine', 'catherine', 'kathryn'], katie: ['katherine', 'catherine'], cathy: ['catherine'], kathy: ['katherine'],
  liz: ['elizabeth'], beth: ['elizabeth'], betty: ['elizabeth'], lisa: ['elizabeth'], eliza: ['elizabeth'],
  jen: ['jennifer'], jenny: ['jennifer'], meg: ['margaret'], maggie: ['margaret'], peggy: ['margaret'],
  sue: ['susan'], susie: ['susan'], becky: ['rebecca'], debbie: ['deborah'], deb: ['deborah'], vicky: ['victoria'],
  mandy: ['amanda'], abby: ['abigail'], jess: ['jessica'], patty: ['patricia'], trish: ['patricia'], nancy: ['ann', 'anne'],
  // Russian diminutives (written in Cyrillic; folded like everything else)
  'саша': ['александр', 'александра'], 'шура': ['александр', 'александра'], 'алекс': ['александр', 'алексей'],
  'леша': ['алексей'], 'лёша': ['алексей'], 'алеша': ['алексей'], 'дима': ['дмитрий'], 'митя': ['дмитрий'],
  'сережа': ['сергей'], 'серёжа': ['сергей'], 'миша': ['михаил'], 'коля': ['николай'], 'ваня': ['иван'],
  'женя': ['евгений', 'евгения'], 'паша': ['павел'], 'петя': ['пётр'], 'вова': ['владимир'], 'володя': ['владимир'],
  'костя': ['константин'], 'толя': ['анатолий'], 'андрюша': ['андрей'], 'гоша': ['георгий'], 'жора': ['георгий'],
  'слава': ['вячеслав', 'ярослав', 'станислав'], 'стас': ['станислав'], 'витя': ['виктор'], 'юра': ['юрий'],
  'боря': ['борис'], 'гриша': ['григорий'], 'лёня': ['леонид'], 'леня': ['леонид'], 'рома': ['роман'], 'макс': ['максим'],
  'илюша': ['илья'], 'тёма': ['артём'], 'тема': ['артём'], 'кирюша': ['кирилл'], 'федя': ['фёдор'], 'вася': ['василий'],
  'аня': ['анна'], 'настя': ['анастасия'], 'наташа': ['наталья', 'наталия'], 'катя': ['екатерина'], 'маша': ['мария'],
  'таня': ['татьяна'], 'оля': ['ольга'], 'юля': ['юлия'], 'лена': ['елена'], 'света': ['светлана'], 'ира': ['ирина'],
  'галя': ['галина'], 'люба': ['любовь'], 'надя': ['надежда'], 'даша': ['дарья'], 'лиза': ['елизавета'],
  'ксюша': ['ксения'], 'вика': ['виктория'], 'поля': ['полина'], 'соня': ['софья', 'софия'], 'люда': ['людмила'],
  'мила': ['людмила'], 'валя': ['валентина', 'валентин'], 'тоня': ['антонина'], 'зина': ['зинаида'], 'лара': ['лариса'],
};
