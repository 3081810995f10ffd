<?php
// The citation stand-ins (scripts/wiki-pages/CS1_checks.wiki) test a |url= with #pos and
// #explode; Wikipedia's CS1 does this in Lua, which this wiki has no interpreter for.
$wgPFEnableStringFunctions = true;
