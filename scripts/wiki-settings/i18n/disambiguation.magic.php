<?php
// The magic word of the "disambiguation" page property, spelt as Disambiguator spells it.
$magicWords = [ 'en' => [ 'disambiguation' => [ 0, '__DISAMBIG__' ] ] ];
