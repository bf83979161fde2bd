//! The accessibility declaration (deklaracja dostępności) required by the Act of
//! 4 April 2019 on the digital accessibility of public bodies' websites, art. 10–12
//! and the minister's template. `{gmina}`, `{email}`, `{phone}` and `{address}` are
//! filled in from `/api/gmina`.

super::messages! {
    /// A part of the accessibility declaration.
    Declaration {
        Title => "Deklaracja dostępności", "Accessibility statement", "Заява про доступність";
        Intro => "{gmina} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy portalu e-usług Okienko.",
            "{gmina} is committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies. This statement applies to the Okienko e-services portal.",
            "{gmina} зобов'язується забезпечити доступність свого вебсайту відповідно до Закону Польщі від 4 квітня 2019 р. про цифрову доступність вебсайтів і мобільних застосунків публічних органів. Ця заява стосується порталу електронних послуг Okienko.";
        DatesHeading => "Daty publikacji i aktualizacji", "Publication and update dates", "Дати публікації та оновлення";
        Dates => "Data publikacji strony internetowej: 2026-11-22. Data ostatniej istotnej aktualizacji: 2026-11-22.",
            "Date of publication of the website: 2026-11-22. Date of the last significant update: 2026-11-22.",
            "Дата публікації вебсайту: 2026-11-22. Дата останнього суттєвого оновлення: 2026-11-22.";
        StatusHeading => "Stan dostępności cyfrowej", "Compliance status", "Стан цифрової доступності";
        Status => "Strona internetowa jest częściowo zgodna z ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności wymienionych poniżej.",
            "This website is partially compliant with the Act on the digital accessibility of websites and mobile applications of public bodies, due to the non-compliances listed below.",
            "Цей вебсайт частково відповідає Закону про цифрову доступність вебсайтів і мобільних застосунків публічних органів через невідповідності, наведені нижче.";
        NonCompliant => "Usługi oznaczone jako „w przygotowaniu” nie są jeszcze dostępne. Dokumenty dodawane przez mieszkańców (np. skany pism) mogą nie być dostępne cyfrowo — zostały wyłączone na podstawie art. 3 ust. 2 ustawy.",
            "Services marked as being prepared are not available yet. Documents uploaded by residents (such as scanned letters) may not be digitally accessible — they are excluded under art. 3(2) of the Act.",
            "Послуги, позначені як такі, що готуються, ще недоступні. Документи, завантажені мешканцями (наприклад, скани листів), можуть бути недоступними — їх виключено на підставі ст. 3 п. 2 Закону.";
        PreparedHeading => "Przygotowanie deklaracji dostępności", "Preparation of this statement", "Підготовка цієї заяви";
        Prepared => "Deklarację sporządzono dnia 2026-11-22 na podstawie samooceny przeprowadzonej przez podmiot publiczny, wspartej automatycznym badaniem każdej strony narzędziem axe oraz testami obsługi klawiaturą i na ekranie telefonu.",
            "This statement was prepared on 2026-11-22 on the basis of a self-assessment by the public body, supported by automated testing of every page with axe and by keyboard and phone-screen tests.",
            "Заяву підготовлено 2026-11-22 на основі самооцінки публічного органу, підкріпленої автоматичною перевіркою кожної сторінки інструментом axe та тестами з клавіатурою і на екрані телефону.";
        Shortcuts => "Na stronie można używać standardowych skrótów klawiaturowych przeglądarki. Pierwszym elementem każdej strony jest odnośnik „Przejdź do treści”.",
            "The standard keyboard shortcuts of your browser work on this website. The first element of every page is a “Skip to content” link.",
            "На сайті працюють стандартні клавіатурні скорочення браузера. Першим елементом кожної сторінки є посилання «Перейти до змісту».";
        FeedbackHeading => "Informacje zwrotne i dane kontaktowe", "Feedback and contact information", "Зворотний зв'язок і контактні дані";
        Feedback => "Problemy z dostępnością cyfrową tej strony internetowej prosimy zgłaszać na adres e-mail {email} lub telefonicznie pod numerem {phone}. Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz żądania zapewnienia dostępności.",
            "Please report problems with the digital accessibility of this website by e-mail to {email} or by phone on {phone}. The same contacts accept requests for inaccessible information and requests to ensure accessibility.",
            "Про проблеми з цифровою доступністю цього сайту повідомляйте на адресу {email} або за телефоном {phone}. Тими ж каналами можна подавати запити на надання недоступної інформації та вимоги щодо забезпечення доступності.";
        ProcedureHeading => "Procedura wnioskowo-skargowa", "Requests and complaints procedure", "Порядок подання вимог і скарг";
        Procedure => "Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu albo udostępnienia informacji w alternatywny sposób. Żądanie zawiera dane kontaktowe osoby występującej, wskazanie strony lub elementu strony i sposób udostępnienia informacji. Podmiot publiczny realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni. Jeżeli nie jest to możliwe, informuje o tym i wskazuje termin, nie dłuższy niż 2 miesiące.",
            "Everyone has the right to request that a website or an element of it be made digitally accessible, or that information be provided in an alternative way. The request gives the requester's contact details, the page or element concerned and the preferred way of receiving the information. The public body handles the request without delay and within 7 days at the latest. If that is not possible, it says so and sets a date no later than 2 months away.",
            "Кожен має право вимагати забезпечення цифрової доступності сайту чи його елемента або надання інформації альтернативним способом. Вимога містить контактні дані заявника, вказівку на сторінку чи елемент і спосіб надання інформації. Публічний орган виконує вимогу негайно, не пізніше ніж за 7 днів. Якщо це неможливо, він повідомляє про це та вказує строк, не довший за 2 місяці.";
        Complaint => "Jeżeli podmiot publiczny odmówi realizacji żądania, nie dotrzyma terminu lub odmówi alternatywnego sposobu dostępu, można złożyć skargę do podmiotu publicznego. Po wyczerpaniu tej procedury można złożyć wniosek do Rzecznika Praw Obywatelskich (www.rpo.gov.pl).",
            "If the public body refuses the request, misses the deadline or refuses an alternative way of access, you may file a complaint with the public body. After that procedure you may apply to the Commissioner for Human Rights (Rzecznik Praw Obywatelskich, www.rpo.gov.pl).",
            "Якщо публічний орган відмовить у виконанні вимоги, не дотримає строку або відмовить в альтернативному доступі, можна подати скаргу до цього органу. Після вичерпання цієї процедури можна звернутися до Уповноваженого з прав людини (Rzecznik Praw Obywatelskich, www.rpo.gov.pl).";
        ArchitectureHeading => "Dostępność architektoniczna", "Physical accessibility of the office", "Архітектурна доступність";
        Architecture => "Urząd mieści się pod adresem {address}. Wejście główne jest dostępne z poziomu chodnika, w budynku jest winda i toaleta dostosowana do potrzeb osób z niepełnosprawnościami. Do budynku można wejść z psem asystującym. Po zgłoszeniu co najmniej 3 dni robocze wcześniej można skorzystać z pomocy tłumacza polskiego języka migowego.",
            "The office is at {address}. The main entrance is level with the pavement; the building has a lift and an accessible toilet. Assistance dogs are welcome. A Polish Sign Language interpreter is available when requested at least 3 working days in advance.",
            "Установа розташована за адресою {address}. Головний вхід на рівні тротуару, у будівлі є ліфт і пристосований туалет. Можна заходити з собакою-поводирем. За попереднім запитом щонайменше за 3 робочі дні доступний перекладач польської жестової мови.";
    }
}
