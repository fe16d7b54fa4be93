<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="nl">
<context>
    <name>BottomBar</name>
    <message>
        <source>‹ Vorige</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Tik op het scherm om zelf te bladeren</source>
        <translation>Tap the screen to browse at your own pace</translation>
    </message>
    <message>
        <source>Grotere letters</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Sterk contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Taal kiezen</source>
        <translation>Choose language</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Scan met de camera van je telefoon</source>
        <translation>Scan with your phone&apos;s camera</translation>
    </message>
    <message>
        <source>Print een folder</source>
        <translation>Print a leaflet</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Printstatus</source>
        <translation>Print status</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Wordt afgedrukt…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Dank je wel! Je folder komt uit de printer.</source>
        <translation>Thank you! Your leaflet is coming out of the printer.</translation>
    </message>
    <message>
        <source>Printen lukt hier nu niet. Scan de QR-code met je telefoon: dan heb je alles bij de hand.</source>
        <translation>Printing is not possible here right now. Scan the QR code with your phone: then you have everything at hand.</translation>
    </message>
    <message>
        <source>Het printen is niet gelukt. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Printing did not work. Scan the QR code with your phone, or ask at the desk.</translation>
    </message>
    <message>
        <source>De printer neemt nu even geen folders aan. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>The printer is not taking leaflets right now. Scan the QR code with your phone, or ask at the desk.</translation>
    </message>
    <message>
        <source>De printer staat even stil. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>The printer has stopped for a moment. Scan the QR code with your phone, or ask at the desk.</translation>
    </message>
    <message>
        <source>Het papier is op. Scan de QR-code met je telefoon, of vraag een folder aan de balie.</source>
        <translation>The paper has run out. Scan the QR code with your phone, or ask for a leaflet at the desk.</translation>
    </message>
    <message>
        <source>De printer reageert niet. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>The printer is not responding. Scan the QR code with your phone, or ask at the desk.</translation>
    </message>
    <message>
        <source>Er is net een folder geprint. Probeer het zo nog eens, of scan de QR-code.</source>
        <translation>A leaflet was just printed. Try again in a moment, or scan the QR code.</translation>
    </message>
    <message>
        <source>De folders zijn voor vandaag op. Scan de QR-code met je telefoon.</source>
        <translation>There are no more leaflets today. Scan the QR code with your phone.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Bereikbaar</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Scan met je telefoon
om onze gegevens op te slaan</source>
        <translation>Scan with your phone
to save our details</translation>
    </message>
    <message>
        <source>Scan met je telefoon
voor meer informatie</source>
        <translation>Scan with your phone
for more information</translation>
    </message>
    <message>
        <source>Bel</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Herken je deze signalen?</source>
        <translation>Do you recognise these signs?</translation>
    </message>
    <message>
        <source>Wat kun je doen?</source>
        <translation>What can you do?</translation>
    </message>
    <message>
        <source>Gecontroleerd op %1 door %2</source>
        <translation>Checked on %1 by %2</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Belangrijk om te weten</source>
        <translation>Important to know</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>We zijn nu gesloten</source>
        <translation>We are closed now</translation>
    </message>
    <message>
        <source>Open: </source>
        <translation>Open: </translation>
    </message>
    <message>
        <source>Dit scherm is even buiten gebruik</source>
        <translation>This screen is out of use for a moment</translation>
    </message>
    <message>
        <source>Heb je een vraag? Stel die gerust aan de balie.</source>
        <translation>Do you have a question? Feel free to ask at the desk.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Voorlezen staat uit.</source>
        <translation>Reading aloud is off.</translation>
    </message>
    <message>
        <source>Voorlezen staat aan: ik lees elk scherm voor.</source>
        <translation>Reading aloud is on: I will read every screen to you.</translation>
    </message>
    <message>
        <source>Met Tab of de pijltjestoetsen ga je naar een knop, en ik noem hem; Enter kiest hem. Op het scherm tik je zoals altijd.</source>
        <translation>Tab or the arrow keys take you to a button, and I say its name; Enter chooses it. On the screen, tap as usual.</translation>
    </message>
    <message>
        <source>Plus en min maken het voorlezen harder of zachter.</source>
        <translation>Plus and minus make the reading louder or softer.</translation>
    </message>
    <message>
        <source>F1, of twee vingers twee tellen op het scherm, zet het voorlezen uit.</source>
        <translation>F1, or two fingers on the screen for two seconds, turns reading aloud off.</translation>
    </message>
    <message>
        <source>Steek eerst je koptelefoon in de koptelefoonaansluiting van de kiosk.</source>
        <translation>First plug your headphones into the kiosk's headphone socket.</translation>
    </message>
</context>
<context>
    <name>ReadingQuestion</name>
    <message>
        <source>Ben je nog aan het lezen?</source>
        <translation>Are you still reading?</translation>
    </message>
    <message>
        <source>Tijd over</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Ja, verder lezen</source>
        <translation>Yes, keep reading</translation>
    </message>
    <message>
        <source>Over %1 seconden begint de presentatie opnieuw.</source>
        <translation>The slideshow starts again in %1 seconds.</translation>
    </message>
    <message>
        <source>Over 1 seconde begint de presentatie opnieuw.</source>
        <translation>The slideshow starts again in 1 second.</translation>
    </message>
</context>
<context>
    <name>SignsScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Contact en QR-code</source>
        <translation>Contact and QR code</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Signaal %1 van %2</source>
        <translation>Sign %1 of %2</translation>
    </message>
    <message>
        <source>✓ Dit herken ik</source>
        <translation>✓ I recognise this</translation>
    </message>
    <message>
        <source>Dit herken ik</source>
        <translation>I recognise this</translation>
    </message>
    <message>
        <source>Herken je iets hiervan? Je bent niet de enige.</source>
        <translation>Do you recognise any of this? You are not the only one.</translation>
    </message>
    <message>
        <source>Fijn dat je even hebt gekeken.</source>
        <translation>Thank you for taking a look.</translation>
    </message>
    <message>
        <source>Merk je later dat het minder goed met je gaat? Praat erover met je huisarts, verloskundige of een psycholoog.</source>
        <translation>Do you notice later that you are not doing so well? Talk about it with your GP, midwife or a psychologist.</translation>
    </message>
</context>
<context>
    <name>SlideRenderer</name>
    <message>
        <source>Scan voor contact</source>
        <translation>Scan for contact</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
</context>
<context>
    <name>SlideShow</name>
    <message>
        <source>Bekijk de signalen</source>
        <translation>See the signs</translation>
    </message>
</context>
<context>
    <name>SpeechControls</name>
    <message>
        <source>Stop met voorlezen</source>
        <translation>Stop reading aloud</translation>
    </message>
    <message>
        <source>Lees voor</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Zachter</source>
        <translation>Softer</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Louder</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Herken je de signalen?</source>
        <translation>Do you recognise the signs?</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
</context>
</TS>
