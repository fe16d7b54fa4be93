<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="nl">
<context>
    <name>BottomBar</name>
    <message>
        <source>‹ Vorige</source>
        <translation>‹ Назад</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Далі ›</translation>
    </message>
    <message>
        <source>Tik op het scherm om zelf te bladeren</source>
        <translation>Торкніться екрана, щоб гортати самостійно</translation>
    </message>
    <message>
        <source>Grotere letters</source>
        <translation>Більший шрифт</translation>
    </message>
    <message>
        <source>Sterk contrast</source>
        <translation>Високий контраст</translation>
    </message>
    <message>
        <source>Taal kiezen</source>
        <translation>Вибрати мову</translation>
    </message>
</context>
<context>
    <name>ContactScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Назад</translation>
    </message>
    <message>
        <source>Scan met de camera van je telefoon</source>
        <translation>Відскануйте камерою телефона</translation>
    </message>
    <message>
        <source>Print een folder</source>
        <translation>Надрукувати буклет</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Далі ›</translation>
    </message>
    <message>
        <source>Printstatus</source>
        <translation>Стан друку</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Ел. пошта</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Вебсайт</translation>
    </message>
    <message>
        <source>Wordt afgedrukt…</source>
        <translation>Друкується…</translation>
    </message>
    <message>
        <source>Dank je wel! Je folder komt uit de printer.</source>
        <translation>Дякуємо! Ваш буклет виходить із принтера.</translation>
    </message>
    <message>
        <source>Printen lukt hier nu niet. Scan de QR-code met je telefoon: dan heb je alles bij de hand.</source>
        <translation>Зараз тут не можна друкувати. Відскануйте QR-код телефоном: так усе буде під рукою.</translation>
    </message>
    <message>
        <source>Het printen is niet gelukt. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Не вдалося надрукувати. Відскануйте QR-код телефоном або запитайте на рецепції.</translation>
    </message>
    <message>
        <source>De printer neemt nu even geen folders aan. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Принтер зараз не приймає завдань. Відскануйте QR-код телефоном або запитайте на рецепції.</translation>
    </message>
    <message>
        <source>De printer staat even stil. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Принтер зараз зупинений. Відскануйте QR-код телефоном або запитайте на рецепції.</translation>
    </message>
    <message>
        <source>Het papier is op. Scan de QR-code met je telefoon, of vraag een folder aan de balie.</source>
        <translation>Закінчився папір. Відскануйте QR-код телефоном або попросіть буклет на рецепції.</translation>
    </message>
    <message>
        <source>De printer reageert niet. Scan de QR-code met je telefoon, of vraag het aan de balie.</source>
        <translation>Принтер не відповідає. Відскануйте QR-код телефоном або запитайте на рецепції.</translation>
    </message>
    <message>
        <source>Er is net een folder geprint. Probeer het zo nog eens, of scan de QR-code.</source>
        <translation>Щойно надруковано буклет. Спробуйте трохи згодом або відскануйте QR-код.</translation>
    </message>
    <message>
        <source>De folders zijn voor vandaag op. Scan de QR-code met je telefoon.</source>
        <translation>На сьогодні буклети закінчилися. Відскануйте QR-код телефоном.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Telefoon</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Ел. пошта</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Вебсайт</translation>
    </message>
    <message>
        <source>Bereikbaar</source>
        <translation>Години роботи</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакти</translation>
    </message>
    <message>
        <source>Scan met je telefoon
om onze gegevens op te slaan</source>
        <translation>Відскануйте телефоном,
щоб зберегти наші контакти</translation>
    </message>
    <message>
        <source>Scan met je telefoon
voor meer informatie</source>
        <translation>Відскануйте телефоном,
щоб дізнатися більше</translation>
    </message>
    <message>
        <source>Bel</source>
        <translation>Телефонуйте:</translation>
    </message>
    <message>
        <source>Herken je deze signalen?</source>
        <translation>Чи впізнаєте ви ці ознаки?</translation>
    </message>
    <message>
        <source>Wat kun je doen?</source>
        <translation>Що ви можете зробити?</translation>
    </message>
    <message>
        <source>Gecontroleerd op %1 door %2</source>
        <translation>Перевірено %1, перевіряв(ла): %2</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Belangrijk om te weten</source>
        <translation>Важливо знати</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>We zijn nu gesloten</source>
        <translation>Зараз ми зачинені</translation>
    </message>
    <message>
        <source>Open: </source>
        <translation>Відчинено: </translation>
    </message>
    <message>
        <source>Dit scherm is even buiten gebruik</source>
        <translation>Цей екран тимчасово не працює</translation>
    </message>
    <message>
        <source>Heb je een vraag? Stel die gerust aan de balie.</source>
        <translation>Маєте запитання? Сміливо звертайтеся на рецепцію.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Voorlezen staat uit.</source>
        <translation>Читання вголос вимкнено.</translation>
    </message>
    <message>
        <source>Voorlezen staat aan: ik lees elk scherm voor.</source>
        <translation>Читання вголос увімкнено: я читатиму вам кожен екран.</translation>
    </message>
    <message>
        <source>Met Tab of de pijltjestoetsen ga je naar een knop, en ik noem hem; Enter kiest hem. Op het scherm tik je zoals altijd.</source>
        <translation>Клавіша Tab або стрілки ведуть до кнопки, і я називаю її; Enter її вибирає. На екрані торкайтеся, як завжди.</translation>
    </message>
    <message>
        <source>Plus en min maken het voorlezen harder of zachter.</source>
        <translation>Плюс і мінус роблять читання гучнішим або тихішим.</translation>
    </message>
    <message>
        <source>F1, of twee vingers twee tellen op het scherm, zet het voorlezen uit.</source>
        <translation>F1 або два пальці на екрані протягом двох секунд вимикають читання вголос.</translation>
    </message>
    <message>
        <source>Steek eerst je koptelefoon in de koptelefoonaansluiting van de kiosk.</source>
        <translation>Спершу під’єднайте навушники до гнізда для навушників кіоску.</translation>
    </message>
</context>
<context>
    <name>ReadingQuestion</name>
    <message>
        <source>Ben je nog aan het lezen?</source>
        <translation>Ви ще читаєте?</translation>
    </message>
    <message>
        <source>Tijd over</source>
        <translation>Залишилося часу</translation>
    </message>
    <message>
        <source>Ja, verder lezen</source>
        <translation>Так, читаю далі</translation>
    </message>
    <message>
        <source>Over %1 seconden begint de presentatie opnieuw.</source>
        <translation>Показ почнеться знову через %1 с.</translation>
    </message>
    <message>
        <source>Over 1 seconde begint de presentatie opnieuw.</source>
        <translation>Показ почнеться знову через 1 секунду.</translation>
    </message>
</context>
<context>
    <name>SignsScreen</name>
    <message>
        <source>‹ Terug</source>
        <translation>‹ Назад</translation>
    </message>
    <message>
        <source>Volgende ›</source>
        <translation>Далі ›</translation>
    </message>
    <message>
        <source>Contact en QR-code</source>
        <translation>Контакти і QR-код</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Signaal %1 van %2</source>
        <translation>Ознака %1 з %2</translation>
    </message>
    <message>
        <source>✓ Dit herken ik</source>
        <translation>✓ Я це впізнаю</translation>
    </message>
    <message>
        <source>Dit herken ik</source>
        <translation>Я це впізнаю</translation>
    </message>
    <message>
        <source>Herken je iets hiervan? Je bent niet de enige.</source>
        <translation>Впізнаєте щось із цього? Ви не єдині.</translation>
    </message>
    <message>
        <source>Fijn dat je even hebt gekeken.</source>
        <translation>Добре, що ви переглянули.</translation>
    </message>
    <message>
        <source>Merk je later dat het minder goed met je gaat? Praat erover met je huisarts, verloskundige of een psycholoog.</source>
        <translation>Якщо згодом помітите, що вам гірше, поговоріть про це з сімейним лікарем, акушеркою або психологом.</translation>
    </message>
</context>
<context>
    <name>SlideRenderer</name>
    <message>
        <source>Scan voor contact</source>
        <translation>Скануйте для зв’язку</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Ел. пошта</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Вебсайт</translation>
    </message>
</context>
<context>
    <name>SlideShow</name>
    <message>
        <source>Bekijk de signalen</source>
        <translation>Переглянути ознаки</translation>
    </message>
</context>
<context>
    <name>SpeechControls</name>
    <message>
        <source>Stop met voorlezen</source>
        <translation>Зупинити читання</translation>
    </message>
    <message>
        <source>Lees voor</source>
        <translation>Читати вголос</translation>
    </message>
    <message>
        <source>Zachter</source>
        <translation>Тихіше</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Гучніше</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Herken je de signalen?</source>
        <translation>Впізнаєте ознаки?</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакти</translation>
    </message>
</context>
</TS>
