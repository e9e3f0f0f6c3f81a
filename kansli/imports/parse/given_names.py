"""Common given names of Sweden, Norway, Denmark and Britain, lower case.

A participant line that runs all names together ("Sara Lind Karl Erik Sand Malin Åberg") does not
say where one name ends. Names end with a surname, and double given names ("Karl Erik", "Anna
Karin") are common, so knowing the usual given names settles what word shapes alone cannot. The list
is general knowledge, like the names of the months; a name missing from it only loses that hint.
"""

from __future__ import annotations

_NAMES = """
adam agnes agneta ahmed alexander alfred ali alice alma amanda amir ana anders andreas anette
anita ann anna anne anneli annelie annika anton arne arvid asa astrid axel barbro bengt benny
berit bertil birgitta bjorn björn bo bodil britt britta brita camilla carina carl caroline
catarina cecilia charlotte christer christian christina christoffer claes dag daniel david
dennis ebba eddie edvard elias elin elisabet elisabeth ella ellen elsa emelie emil emilia emma
erik eva evelina filip fredrik frida gabriel gerd gun gunilla gunnar gustav göran göte hanna
hannes hans hampus harald harry hedvig helen helena helene henrik herbert hugo ida ingrid inga
inger ingvar irene isabella isak ivar jakob jan jane jenny jens jesper jessica joakim johan
johanna johannes john jon jonas jonatan josefin josefine julia karin karina karl kent kerstin
kim kjell klara kristian kristina kristoffer lars lasse leif lena leo lennart lina linda linn
linnea lisa liv lotta louise lovisa ludvig magnus maja malin margareta maria marianne marie
marika marina martin mats mattias max mikael moa monica monika nils nina ola olle olof oscar
oskar patrik per peter petra pia ragnar rasmus rebecka rickard robert roger rolf rune sam
sanna sara sebastian simon sofia sofie solveig stefan sten stig susanne sven svante sylvia
therese thomas tina tobias tomas tommy torbjörn tore tove ulf ulla ulrika vera viktor
viktoria vilhelm wilhelm william yvonne åsa åke

aksel anette arild asbjørn astrid birgit bjørn eirik einar geir gro gudrun halvor helge
hilde ingeborg jørgen jørn kari knut kjersti kristin lars-erik leiv marit mette morten nils-erik
odd ole oddvar ragnhild randi reidar rune sigrid sigurd siri solveig steinar svein synnøve
terje tone tor torstein trine trond turid vegard vibeke øystein åse

allan bente birthe bo carsten dorte flemming grethe hanne helle jette jørgen karen karsten
kirsten lene lone mads mogens niels palle pernille poul preben rikke signe søren ulrik

alan alison amy andrew angela ann barry ben carol catherine charles chris claire daniel david
deborah diane donald edward elizabeth emily emma frank gareth gary george grace graham hannah
harry helen ian jack james jane janet jennifer jessica joan john jonathan joseph julie karen
kate katherine kevin laura lucy margaret mark mary matthew michael nicola nigel oliver patricia
paul peter philip rachel richard robert ruth sarah simon sophie stephen steven susan thomas
timothy tom victoria william
"""

GIVEN_NAMES = frozenset(_NAMES.split())


def is_given_name(word: str) -> bool:
    return word.lower() in GIVEN_NAMES
