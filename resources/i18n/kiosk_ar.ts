<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG" sourcelanguage="nl">
<context>
    <name>BottomBar</name>
    <message>
        <source>‹ Vorige</source>
        <translation>‹ السابق</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>التالي ›</translation>
    </message>
    <message>
        <source>Tik op het scherm om zelf te bladeren</source>
        <translation>المس الشاشة لتتصفح بنفسك</translation>
    </message>
    <message>
        <source>Grotere letters</source>
        <translation>خط أكبر</translation>
    </message>
    <message>
        <source>Sterk contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <source>Taal kiezen</source>
        <translation>اختيار اللغة</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ رجوع</translation>
    </message>
    <message>
        <source>Scan met de camera van je telefoon</source>
        <translation>امسح الرمز بكاميرا هاتفك</translation>
    </message>
    <message>
        <source>Print een folder</source>
        <translation>اطبع نشرة</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>التالي ›</translation>
    </message>
    <message>
        <source>Printstatus</source>
        <translation>حالة الطباعة</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <source>Wordt afgedrukt…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <source>Dank je wel! Je folder komt uit de printer.</source>
        <translation>شكرًا! نشرتك تخرج الآن من الطابعة.</translation>
    </message>
    <message>
        <source>Printen lukt hier nu niet. Scan de QR-code met je telefoon: dan heb je alles bij de hand.</source>
        <translation>الطباعة غير ممكنة هنا الآن. امسح رمز QR بهاتفك، فتكون كل المعلومات معك.</translation>
    </message>
    <message>
        <source>Het printen is niet gelukt. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>لم تنجح الطباعة. امسح رمز QR بهاتفك، أو اسأل في مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>De printer neemt nu even geen folders aan. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>الطابعة لا تقبل الطباعة الآن. امسح رمز QR بهاتفك، أو اسأل في مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>De printer staat even stil. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>الطابعة متوقفة الآن. امسح رمز QR بهاتفك، أو اسأل في مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>Het papier is op. Scan de QR-code met je telefoon, of vraag een folder aan de balie.</source>
        <translation>نفد الورق. امسح رمز QR بهاتفك، أو اطلب نشرة من مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>De printer reageert niet. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>الطابعة لا تستجيب. امسح رمز QR بهاتفك، أو اسأل في مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>Er is net een folder geprint. Probeer het zo nog eens, of scan de QR-code.</source>
        <translation>طُبعت نشرة قبل قليل. حاول مرة أخرى بعد لحظات، أو امسح رمز QR.</translation>
    </message>
    <message>
        <source>De folders zijn voor vandaag op. Scan de QR-code met je telefoon.</source>
        <translation>انتهت نشرات اليوم. امسح رمز QR بهاتفك.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Telefoon</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <source>Bereikbaar</source>
        <translation>أوقات التواصل</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>التواصل</translation>
    </message>
    <message>
        <source>Scan met je telefoon
om onze gegevens op te slaan</source>
        <translation>امسح الرمز بهاتفك
لحفظ بيانات التواصل معنا</translation>
    </message>
    <message>
        <source>Scan met je telefoon
voor meer informatie</source>
        <translation>امسح الرمز بهاتفك
لمزيد من المعلومات</translation>
    </message>
    <message>
        <source>Bel</source>
        <translation>اتصل على</translation>
    </message>
    <message>
        <source>Herken je deze signalen?</source>
        <translation>هل تتعرّف على هذه العلامات؟</translation>
    </message>
    <message>
        <source>Wat kun je doen?</source>
        <translation>ماذا يمكنك أن تفعل؟</translation>
    </message>
    <message>
        <source>Gecontroleerd op %1 door %2</source>
        <translation>راجعه %2 بتاريخ %1</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Belangrijk om te weten</source>
        <translation>معلومات مهمة</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>We zijn nu gesloten</source>
        <translation>نحن مغلقون الآن</translation>
    </message>
    <message>
        <source>Open: </source>
        <translation>مفتوح: </translation>
    </message>
    <message>
        <source>Dit scherm is even buiten gebruik</source>
        <translation>هذه الشاشة خارج الخدمة مؤقتًا</translation>
    </message>
    <message>
        <source>Heb je een vraag? Stel die gerust aan de balie.</source>
        <translation>هل لديك سؤال؟ لا تتردد في طرحه في مكتب الاستقبال.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Voorlezen staat uit.</source>
        <translation>القراءة بصوت عالٍ متوقفة.</translation>
    </message>
    <message>
        <source>Voorlezen staat aan: ik lees elk scherm voor.</source>
        <translation>القراءة بصوت عالٍ مفعّلة: سأقرأ لكِ كل شاشة.</translation>
    </message>
    <message>
        <source>Met Tab of de pijltjestoetsen ga je naar een knop, en ik noem hem; Enter kiest hem. Op het scherm tik je zoals altijd.</source>
        <translation>بمفتاح Tab أو مفاتيح الأسهم تنتقلين إلى زر، وأنا أقول اسمه؛ ومفتاح Enter يختاره. وعلى الشاشة تلمسين كالمعتاد.</translation>
    </message>
    <message>
        <source>Plus en min maken het voorlezen harder of zachter.</source>
        <translation>مفتاحا الزائد والناقص يرفعان صوت القراءة أو يخفضانه.</translation>
    </message>
    <message>
        <source>F1, of twee vingers twee tellen op het scherm, zet het voorlezen uit.</source>
        <translation>مفتاح F1، أو إصبعان على الشاشة لمدة ثانيتين، يوقف القراءة بصوت عالٍ.</translation>
    </message>
    <message>
        <source>Steek eerst je koptelefoon in de koptelefoonaansluiting van de kiosk.</source>
        <translation>أولًا أدخلي سماعات الرأس في مقبس السماعات في الكشك.</translation>
    </message>
</context>
<context>
    <name>ReadingQuestion</name>
    <message>
        <source>Ben je nog aan het lezen?</source>
        <translation>هل ما زلتِ تقرئين؟</translation>
    </message>
    <message>
        <source>Tijd over</source>
        <translation>الوقت المتبقي</translation>
    </message>
    <message>
        <source>Ja, verder lezen</source>
        <translation>نعم، أتابع القراءة</translation>
    </message>
    <message>
        <source>Over %1 seconden begint de presentatie opnieuw.</source>
        <translation>سيبدأ العرض من جديد بعد %1 ثانية.</translation>
    </message>
    <message>
        <source>Over 1 seconde begint de presentatie opnieuw.</source>
        <translation>سيبدأ العرض من جديد بعد ثانية واحدة.</translation>
    </message>
</context>
<context>
    <name>SignsScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ رجوع</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>التالي ›</translation>
    </message>
    <message>
        <source>Contact en QR-code</source>
        <translation>التواصل ورمز QR</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Signaal %1 van %2</source>
        <translation>العلامة %1 من %2</translation>
    </message>
    <message>
        <source>✓ Dit herken ik</source>
        <translation>✓ أتعرّف على هذا</translation>
    </message>
    <message>
        <source>Dit herken ik</source>
        <translation>أتعرّف على هذا</translation>
    </message>
    <message>
        <source>Herken je iets hiervan? Je bent niet de enige.</source>
        <translation>هل تتعرّف على شيء من هذا؟ لست وحدك.</translation>
    </message>
    <message>
        <source>Fijn dat je even hebt gekeken.</source>
        <translation>شكرًا لأنك ألقيت نظرة.</translation>
    </message>
    <message>
        <source>Merk je later dat het minder goed met je gaat? Praat erover met je huisarts, verloskundige of een psycholoog.</source>
        <translation>إذا لاحظت لاحقًا أن حالتك ليست على ما يرام، فتحدث عن ذلك مع طبيب الأسرة أو القابلة أو أخصائي نفسي.</translation>
    </message>
</context>
<context>
    <name>SlideRenderer</name>
    <message>
        <source>Scan voor contact</source>
        <translation>امسح للتواصل</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
</context>
<context>
    <name>SlideShow</name>
    <message>
        <source>Bekijk de signalen</source>
        <translation>شاهد العلامات</translation>
    </message>
</context>
<context>
    <name>SpeechControls</name>
    <message>
        <source>Stop met voorlezen</source>
        <translation>إيقاف القراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Lees voor</source>
        <translation>اقرأ بصوت عالٍ</translation>
    </message>
    <message>
        <source>Zachter</source>
        <translation>أخفض</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>أعلى</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Herken je de signalen?</source>
        <translation>هل تتعرّف على العلامات؟</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>التواصل</translation>
    </message>
</context>
</TS>
