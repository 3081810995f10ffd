<?php
// Disambiguator's page property without the extension (Debian's mediawiki package lacks it):
// __DISAMBIG__ on a page sets the page property "disambiguation", which the API reports
// (prop=pageprops) just as on Wikipedia, where {{disambiguation}} carries the same magic word.
$wgExtensionMessagesFiles['WikidraftDisambiguation'] = __DIR__ . '/i18n/disambiguation.magic.php';
$wgHooks['GetDoubleUnderscoreIDs'][] = static function ( array &$ids ) {
	$ids[] = 'disambiguation';
};
